import type { Page } from '@playwright/test';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';

const validator = new HtmlValidate(
	new StaticConfigLoader({
		// Validity and document structure (heading order, labels, references), not markup style.
		extends: ['html-validate:standard', 'html-validate:document'],
		// Subresource integrity is for other origins' files; every script here is our own.
		rules: { 'require-sri': 'off' }
	})
);

/**
 * What is wrong with a page's HTML: html-validate's standard and document rules over the HTML the server sent,
 * plus one rule it lacks that the Nu checker has: a required single `<select>` must start with a
 * placeholder option (empty value), or the browser cannot tell "not chosen" from the first choice.
 */
export async function htmlProblems(page: Page, html: string): Promise<string[]> {
	const report = await validator.validateString(html);
	const found = report.results.flatMap((r) =>
		r.messages.map((m) => `${m.ruleId} at ${m.line}:${m.column}: ${m.message}`)
	);
	const selects = await page.locator('select[required]:not([multiple])').evaluateAll((els) =>
		els
			.filter((s) => {
				const first = (s as HTMLSelectElement).options[0];
				const size = (s as HTMLSelectElement).size;
				return size <= 1 && first && first.value !== '' && first.textContent !== '';
			})
			.map((s) => (s as HTMLSelectElement).name)
	);
	return [
		...found,
		...selects.map((name) => `select-placeholder: required <select name="${name}"> has no empty first option`)
	];
}
