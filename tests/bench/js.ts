import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUILD_DIR } from './server';

/**
 * Gzipped JavaScript a page loads before anything lazy: the modulepreloads SvelteKit announces
 * (Link header and tags), the start script's imports, and every static import they pull in,
 * followed through the built files, plus the language table the root layout loads. Other dynamic
 * `import()`s (chart.js) are not followed.
 */
export function initialJs(html: string, linkHeader: string, pageUrl: string) {
	const origin = new URL(pageUrl).origin;
	const seeds = new Set<string>();
	for (const m of linkHeader.matchAll(/<([^>]+\.js)>;\s*rel="modulepreload"/g)) seeds.add(m[1]);
	for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) seeds.add(m[1]);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) seeds.add(m[1]);
	const files = new Set<string>();
	const visit = (pathname: string) => {
		if (files.has(pathname)) return;
		files.add(pathname);
		const code = readFileSync(join(BUILD_DIR, 'client', pathname), 'utf8');
		for (const m of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"']+\.js)["']/g)) {
			visit(new URL(m[1], `${origin}${pathname}`).pathname);
		}
	};
	for (const seed of seeds) visit(new URL(seed, pageUrl).pathname);
	// The root layout imports one language's message table before the page hydrates: count the
	// larger of the two (and what it imports), since one of them is always needed.
	const rootLayout = [...files].find((f) => /\/nodes\/0\.[\w-]+\.js$/.test(f));
	if (rootLayout) {
		const code = readFileSync(join(BUILD_DIR, 'client', rootLayout), 'utf8');
		const tables = [...code.matchAll(/import\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g)].map(
			(m) => new URL(m[1], `${origin}${rootLayout}`).pathname
		);
		const gz = (f: string) => gzipSync(readFileSync(join(BUILD_DIR, 'client', f))).length;
		const largest = tables.sort((a, b) => gz(b) - gz(a))[0];
		if (largest) visit(largest);
	}
	const sizes = [...files].map((file) => ({
		file,
		bytes: gzipSync(readFileSync(join(BUILD_DIR, 'client', file))).length
	}));
	sizes.sort((a, b) => b.bytes - a.bytes);
	return { files: [...files], gzipBytes: sizes.reduce((n, f) => n + f.bytes, 0), biggest: sizes.slice(0, 3) };
}

/** Throws when chart.js is among the files a board loads up front: it must load lazily. */
export function assertChartLazy(files: string[]): void {
	if (files.some((f) => readFileSync(join(BUILD_DIR, 'client', f), 'utf8').includes('getChart'))) {
		throw new Error("chart.js is in the board route's initial JavaScript: it must load lazily");
	}
}
