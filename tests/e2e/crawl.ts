import { expect, type Page } from '@playwright/test';

export interface Crawled {
	/** Pathname (no query) of the page as visited. */
	path: string;
	/** The HTML the server sent, before any script ran. */
	html: string;
	/** The response's Link header (SvelteKit announces modulepreloads there). */
	linkHeader: string;
}

/** Where links lead that are not pages to check: files, forms' endpoints, the way out. */
const SKIP = /^\/(logout|language|exports|api|healthz)(\/|$)|\.[a-z0-9]+$/i;

/** One key per route: numeric segments stand for any id, so `/classes/1` and `/classes/2` count once. */
export const routeKey = (path: string) => path.replace(/\/\d+(?=\/|$)/g, '/:id');

/**
 * Visits every page reachable from the home page by following same-origin links (breadth first,
 * one page per route, at most `limit` routes), calls `visit` on each while it is open, and fails
 * when a link the person was shown leads to an error.
 */
export async function crawlPages(
	page: Page,
	visit: (crawled: Crawled) => Promise<void>,
	limit = 60
): Promise<Crawled[]> {
	const origin = new URL(page.url()).origin;
	const queue: { path: string; from: string }[] = [{ path: '/', from: '(start)' }];
	const seen = new Set<string>([routeKey('/')]);
	const done: Crawled[] = [];
	const broken: string[] = [];
	while (queue.length > 0 && done.length < limit) {
		const { path, from } = queue.shift()!;
		const res = await page.goto(path);
		const status = res?.status() ?? 0;
		if (status >= 400 || !res) {
			broken.push(`${path} (linked from ${from}) answered ${status}`);
			continue;
		}
		const crawled = {
			path: new URL(page.url()).pathname,
			html: await res.text(),
			linkHeader: res.headers()['link'] ?? ''
		};
		await visit(crawled);
		done.push(crawled);
		const hrefs = await page
			.locator('a[href]:not([download])')
			.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
		for (const href of hrefs) {
			const url = new URL(href);
			if (url.origin !== origin || SKIP.test(url.pathname)) continue;
			const key = routeKey(url.pathname);
			if (seen.has(key)) continue;
			seen.add(key);
			queue.push({ path: url.pathname, from: crawled.path });
		}
	}
	expect(broken, broken.join('\n')).toEqual([]);
	return done;
}
