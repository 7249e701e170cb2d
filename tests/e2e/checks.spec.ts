import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { crawlPages, routeKey, type Crawled } from './crawl';
import { htmlProblems } from './html-check';
import { rawKeys } from './raw-keys';
import { BUILD_NOISE_KIB, OVER_BUDGET, pageWeight, WEIGHT_BUDGET_KIB } from './page-weight';
import { expect, signIn, test } from './fixtures';

/**
 * Checks kept in the repo (issue 13.10): every page each demo role can reach, at 360 px, in
 * Vietnamese and English, has no serious or critical axe finding, valid HTML and no message key
 * shown instead of its text; and no page ships
 * more than the JavaScript budget before its charts. The pages are found by following the links
 * each role sees, so a new page is checked as soon as something links to it.
 */
const ROLES = [
	null,
	'demo-student',
	'demo-family',
	'demo-teacher',
	'demo-steward',
	'demo-organiser',
	'demo-neighbour'
];
const LANGS = ['vi', 'en'] as const;

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
test.describe.configure({ timeout: 600_000 });

async function setLanguage(page: Page, lang: 'vi' | 'en') {
	const res = await page.request.post('/language', {
		form: { lang, redirectTo: '/' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status(), `switch to ${lang}`).toBe(303);
}

async function axeFindings(page: Page, where: string): Promise<string[]> {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
}

for (const user of ROLES) {
	const who = user ?? 'signed out';
	for (const lang of LANGS) {
		test(`${who}, ${lang}: every reachable page passes axe and the HTML check`, async ({ page }) => {
			await page.goto('/');
			if (user) await signIn(page, user);
			await setLanguage(page, lang);
			try {
				const problems: string[] = [];
				const pages: Crawled[] = await crawlPages(page, async (visited) => {
					const where = `${who} ${lang} ${visited.path}`;
					problems.push(...(await axeFindings(page, where)));
					problems.push(...(await htmlProblems(page, visited.html)).map((p) => `${where}: ${p}`));
					problems.push(...(await rawKeys(page, visited.html)).map((k) => `${where}: shows the key ${k}`));
				});
				test.info().annotations.push({ type: 'pages', description: `${pages.length} pages` });
				expect(pages.length, `${who} reaches more than the home page`).toBeGreaterThan(user ? 3 : 2);
				expect(problems, problems.join('\n')).toEqual([]);
			} finally {
				if (lang !== 'vi') await setLanguage(page, 'vi');
			}
		});
	}
}

test('no page ships more than the JavaScript budget before its charts', async ({ page }) => {
	const over: string[] = [];
	const heaviest = new Map<string, number>();
	for (const user of ROLES) {
		await page.context().clearCookies();
		await page.goto('/');
		if (user) await signIn(page, user);
		await crawlPages(page, async (visited) => {
			const kib = await pageWeight(page, visited);
			const route = routeKey(visited.path);
			heaviest.set(route, Math.max(heaviest.get(route) ?? 0, kib));
			const listed = OVER_BUDGET[route];
			const ceiling = listed ?? WEIGHT_BUDGET_KIB;
			const allowed = listed === undefined ? WEIGHT_BUDGET_KIB : listed + BUILD_NOISE_KIB;
			if (kib > allowed)
				over.push(`${user ?? 'signed out'} ${visited.path}: ${kib.toFixed(1)} KiB > ${ceiling}`);
		});
	}
	expect(over, `over budget (gzipped JavaScript before charts):\n${over.join('\n')}`).toEqual([]);
	const shrunk = Object.keys(OVER_BUDGET).filter((r) => (heaviest.get(r) ?? 0) <= WEIGHT_BUDGET_KIB);
	expect(shrunk, 'back under the budget: remove from OVER_BUDGET').toEqual([]);
});
