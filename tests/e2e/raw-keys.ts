import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const MESSAGES = join(import.meta.dirname, '..', '..', 'src', 'lib', 'i18n', 'messages');

/** Every declared message key, read from the Vietnamese files (the source every language follows). */
const KEYS = new Set(
	readdirSync(MESSAGES).flatMap((domain) =>
		[...readFileSync(join(MESSAGES, domain, 'vi.ts'), 'utf8').matchAll(/^\t'([^']+)':/gm)].map((m) => m[1])
	)
);

const keysIn = (text: string) =>
	[...new Set(text.match(/[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)+/g) ?? [])].filter((word) => KEYS.has(word));

/**
 * Message keys a page shows instead of their text: t() shows the key when the page's messages do
 * not hold it (each page gets only the keys its code names: src/lib/i18n/route-keys.ts). Looks at
 * the HTML the server sent and at the page after it ran: text, and what a screen reader reads.
 */
export async function rawKeys(page: Page, html: string): Promise<string[]> {
	if (KEYS.size < 100) throw new Error(`raw-keys: read only ${KEYS.size} keys from ${MESSAGES}`);
	const served = html
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<meta[^>]*>|<link[^>]*>/g, ' ')
		.replace(/<[^>]*\b(?:aria-label|title|placeholder|alt)="([^"]*)"[^>]*>/g, ' $1 ')
		.replace(/<[^>]+>/g, ' ');
	const shown = await page.evaluate(() =>
		[
			document.title,
			document.body.innerText,
			...[...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].flatMap((el) =>
				['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? '')
			)
		].join('\n')
	);
	return [...new Set([...keysIn(served), ...keysIn(shown)])];
}
