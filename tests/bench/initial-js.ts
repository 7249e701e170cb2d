import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Gzipped JavaScript a page loads before anything lazy: the modulepreloads SvelteKit announces
 * (Link header and tags), the start script's imports, and every static import they pull in,
 * followed through the built files, plus the language table the root layout loaded in builds before
 * pages got their messages with their data (so `--base` can weigh an older commit). Other dynamic
 * `import()`s are not followed; `deferredBytes` is what they load once the page runs (the offline
 * queue, for one), apart from chart.js and the other language.
 */
export function initialJs(
	buildDir: string,
	origin: string,
	html: string,
	linkHeader: string,
	pageUrl: string
) {
	const seeds = new Set<string>();
	for (const m of linkHeader.matchAll(/<([^>]+\.js)>;\s*rel="modulepreload"/g)) seeds.add(m[1]);
	for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) seeds.add(m[1]);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) seeds.add(m[1]);
	const files = new Set<string>();
	const visit = (pathname: string) => {
		if (files.has(pathname)) return;
		files.add(pathname);
		const code = readFileSync(join(buildDir, 'client', pathname), 'utf8');
		for (const m of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"']+\.js)["']/g)) {
			visit(new URL(m[1], `${origin}${pathname}`).pathname);
		}
	};
	for (const seed of seeds) visit(new URL(seed, pageUrl).pathname);
	// The root layout imports the page's message table before the page hydrates: one small table
	// per page and language (src/lib/i18n/route-keys-plugin.ts), found by matching the page's path
	// against the route ids of the layout's map. Older builds imported the language's whole table:
	// count the larger of the two, since one of them was always needed.
	const rootLayout = [...files].find((f) => /\/nodes\/0\.[\w-]+\.js$/.test(f));
	if (rootLayout) {
		const code = readFileSync(join(buildDir, 'client', rootLayout), 'utf8');
		const gz = (f: string) => gzipSync(readFileSync(join(buildDir, 'client', f))).length;
		const tables = [...code.matchAll(/import\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g)]
			.map((m) => new URL(m[1], `${origin}${rootLayout}`).pathname)
			.filter((f) => readFileSync(join(buildDir, 'client', f), 'utf8').includes('"app.name":'));
		const map = code.match(/\{"":\d+(?:,"[^"]*":\d+)*\}/);
		if (map) {
			const routes = JSON.parse(map[0]) as Record<string, number>;
			const index = routes[routeOf(Object.keys(routes), pageUrl)];
			const english = /<html[^>]*\blang="en"/.test(html);
			const table = tables[index * 2 + (english ? 1 : 0)];
			if (!table) throw new Error(`initial-js: no message table ${index} in ${rootLayout}`);
			visit(table);
		} else {
			const largest = tables.sort((a, b) => gz(b) - gz(a))[0];
			if (largest) visit(largest);
		}
	}
	const gzip = (file: string) => gzipSync(readFileSync(join(buildDir, 'client', file))).length;
	const sizes = [...files].map((file) => ({ file, bytes: gzip(file) }));
	sizes.sort((a, b) => b.bytes - a.bytes);

	// What the page's own `import()`s bring once it runs, each with what it imports, leaving out
	// the language tables, anything that draws a chart, and the router's table of every page.
	const isTable = (f: string) => readFileSync(join(buildDir, 'client', f), 'utf8').includes('"app.name":');
	const deferred = new Set<string>();
	for (const from of [...files].filter((f) => !f.includes('/entry/'))) {
		const code = readFileSync(join(buildDir, 'client', from), 'utf8');
		for (const m of code.matchAll(/import\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g)) {
			const target = new URL(m[1], `${origin}${from}`).pathname;
			if (files.has(target) || deferred.has(target) || isTable(target)) continue;
			const closure = new Set<string>();
			const walk = (pathname: string) => {
				if (closure.has(pathname) || files.has(pathname)) return;
				closure.add(pathname);
				const c = readFileSync(join(buildDir, 'client', pathname), 'utf8');
				for (const n of c.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"']+\.js)["']/g))
					walk(new URL(n[1], `${origin}${pathname}`).pathname);
			};
			walk(target);
			const charts = [...closure].some((c) =>
				readFileSync(join(buildDir, 'client', c), 'utf8').includes('getChart')
			);
			if (!charts) for (const c of closure) deferred.add(c);
		}
	}
	return {
		files: [...files],
		gzipBytes: sizes.reduce((n, f) => n + f.bytes, 0),
		biggest: sizes.slice(0, 3),
		deferredFiles: [...deferred],
		deferredBytes: [...deferred].reduce((n, f) => n + gzip(f), 0)
	};
}

/**
 * The route id (SvelteKit's spelling) a path belongs to, among `ids`: groups match nothing,
 * `[x=id]` a number, `[x]` any segment; the fewest parameters win. `''` when none matches.
 */
export function routeOf(ids: string[], pageUrl: string): string {
	const path = new URL(pageUrl).pathname.replace(/\/$/, '') || '/';
	const matches = ids.filter((id) => {
		if (id === '') return false;
		const pattern = id
			.split('/')
			.filter((part) => part && !/^\(.*\)$/.test(part))
			.map((part) =>
				part
					.replace(/[.*+?^${}()|\\]/g, '\\$&')
					.replace(/\[[^\]=]+=id\]|\[[^\]]+\]/g, (p) => (p.includes('=id') ? '\\d+' : '[^/]+'))
			);
		return new RegExp(`^/${pattern.join('/')}$`).test(path);
	});
	const params = (id: string) => (id.match(/\[/g) ?? []).length;
	return matches.sort((a, b) => params(a) - params(b))[0] ?? '';
}
