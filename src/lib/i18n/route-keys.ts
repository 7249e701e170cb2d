// Build-time analysis (Node only; never imported by the app): which message keys each page can
// show, found by following the imports of its layouts, error pages, page and loads through src/.
// The Vite plugin beside it turns the result into one small table per page and language.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** What a piece of code names: key literals, and key templates as regular-expression sources. */
export interface KeyUses {
	literals: string[];
	patterns: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the code names a key: a quoted key, or a template such as `badge.${code}.hint`, which
 * stands for every key of that shape (the typed builders: `npm run check` proves they exist).
 */
export function keyUses(code: string): KeyUses {
	const literals = new Set(code.match(/(?<=['"`])[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)+(?=['"`])/g) ?? []);
	const patterns = new Set(
		[...code.matchAll(/`([a-z][A-Za-z0-9]*\.[^`]*?\$\{[^`]*?)`/g)].map(
			(m) =>
				`^${m[1]
					.split(/\$\{[^}]*\}/)
					.map(escape)
					.join('[A-Za-z0-9_-]+')}$`
		)
	);
	return { literals: [...literals], patterns: [...patterns] };
}

/** Whether `uses` names `key`. */
export function names(
	uses: KeyUses,
	key: string,
	compiled = uses.patterns.map((p) => new RegExp(p))
): boolean {
	return uses.literals.includes(key) || compiled.some((p) => p.test(key));
}

function resolveImport(src: string, from: string, spec: string): string | null {
	let base: string;
	if (spec.startsWith('$lib/')) base = join(src, 'lib', spec.slice(5));
	else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
	else return null;
	for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

/**
 * Whether a file can name no key a page shows: the catalogue itself (it names every key), this
 * analysis, tests, and the demo data the seed writes (its texts are stored, not translated).
 */
function skipped(src: string, file: string): boolean {
	const path = relative(src, file).split(sep).join('/');
	return (
		/^lib\/i18n\/(vi|en|index|route-keys|route-keys-plugin)\.ts$/.test(path) ||
		path.startsWith('lib/i18n/messages/') ||
		path.startsWith('lib/server/db/seed/') ||
		/\.test\.ts$/.test(path)
	);
}

/**
 * The routes named by a file's `@refusals-from` note: a component that shows refusals from other
 * pages' actions (the offline queue sends forms made on several pages) gets their messages too.
 */
export function refusalsFrom(code: string): string[] {
	return [...code.matchAll(/@refusals-from((?:\s+\/[^\s*]*)+)/g)].flatMap((m) => m[1].trim().split(/\s+/));
}

/**
 * Every source file reachable from `entries` by static or dynamic imports, and the action files
 * (`+page.server.ts`) of the routes a `@refusals-from` note names.
 */
export function closure(
	src: string,
	entries: string[],
	code: (file: string) => string = (file) => readFileSync(file, 'utf8')
): string[] {
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file) || skipped(src, file)) return;
		seen.add(file);
		const text = code(file);
		for (const m of text.matchAll(
			/(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?\(?\s*['"]([^'"]+)['"]/g
		)) {
			const target = resolveImport(src, file, m[1]);
			if (target && /\.(ts|js|svelte)$/.test(target)) visit(target);
		}
		for (const id of refusalsFrom(text)) {
			const actions = join(src, 'routes', ...id.split('/'), '+page.server.ts');
			if (!existsSync(actions))
				throw new Error(`${file}: @refusals-from names ${id}, which has no +page.server.ts`);
			visit(actions);
		}
	};
	for (const e of entries) if (existsSync(e)) visit(e);
	return [...seen];
}

const LAYOUT_FILES = /^\+(layout|error)(\.server)?\.(ts|svelte)$/;
const PAGE_FILES = /^\+page(\.server)?\.(ts|svelte)$/;

/**
 * Every page's route id (as SvelteKit writes it: `/(app)/classes/[classId=id]`) with the files
 * that build it, layouts first; `''` stands for a path no route matches (the root layout and its
 * error page alone). The server hooks come with every page: their errors reach any of them.
 */
export function routePages(src: string): { id: string; files: string[] }[] {
	const routes = join(src, 'routes');
	const hooks = ['hooks.server.ts', 'hooks.client.ts', 'hooks.ts'].map((f) => join(src, f));
	const pages: { id: string; files: string[] }[] = [];
	const walk = (dir: string, inherited: string[]) => {
		const entries = readdirSync(dir).sort();
		const chain = [...inherited, ...entries.filter((n) => LAYOUT_FILES.test(n)).map((n) => join(dir, n))];
		if (dir === routes) pages.push({ id: '', files: chain });
		const page = entries.filter((n) => PAGE_FILES.test(n)).map((n) => join(dir, n));
		if (page.some((p) => p.endsWith('.svelte'))) {
			const id = '/' + relative(routes, dir).split(sep).join('/');
			pages.push({ id: id === '/' ? '/' : id, files: [...chain, ...page] });
		}
		for (const n of entries) {
			const path = join(dir, n);
			if (statSync(path).isDirectory()) walk(path, chain);
		}
	};
	walk(routes, hooks);
	return pages;
}

/**
 * For each page (by route id), the keys its code can show: what every file it is built from, and
 * everything they import, names. Over-counting costs a few bytes; under-counting would show a raw
 * key, which the e2e crawl looks for on every page.
 */
export function routeKeyUses(src: string): Record<string, KeyUses> {
	const cache = new Map<string, KeyUses>();
	const text = new Map<string, string>();
	const code = (file: string) => {
		let found = text.get(file);
		if (found === undefined) text.set(file, (found = readFileSync(file, 'utf8')));
		return found;
	};
	const usesOf = (file: string) => {
		let found = cache.get(file);
		if (!found) cache.set(file, (found = keyUses(code(file))));
		return found;
	};
	const result: Record<string, KeyUses> = {};
	for (const page of routePages(src)) {
		const literals = new Set<string>();
		const patterns = new Set<string>();
		for (const file of closure(src, page.files, code)) {
			const uses = usesOf(file);
			for (const l of uses.literals) literals.add(l);
			for (const p of uses.patterns) patterns.add(p);
		}
		result[page.id] = { literals: [...literals].sort(), patterns: [...patterns].sort() };
	}
	return result;
}

/** Each page's messages: `routes` gives a route id its table's index (pages that show the same keys share one). */
export interface RouteTables<T> {
	routes: Record<string, number>;
	tables: Record<string, Record<string, T>>[];
}

/** Cuts each language's catalogue into the tables of `uses` (from routeKeyUses). */
export function routeTables<T>(
	uses: Record<string, KeyUses>,
	catalogues: Record<string, Record<string, T>>
): RouteTables<T> {
	const source = Object.values(catalogues)[0];
	const all = Object.keys(source);
	const routes: Record<string, number> = {};
	const tables: Record<string, Record<string, T>>[] = [];
	const byKeys = new Map<string, number>();
	for (const [id, u] of Object.entries(uses)) {
		const literals = new Set(u.literals);
		const compiled = u.patterns.map((p) => new RegExp(p));
		const keys = all.filter((key) => literals.has(key) || compiled.some((p) => p.test(key)));
		const name = keys.join(' ');
		let index = byKeys.get(name);
		if (index === undefined) {
			index = tables.length;
			byKeys.set(name, index);
			tables.push(
				Object.fromEntries(
					Object.entries(catalogues).map(([locale, table]) => [
						locale,
						Object.fromEntries(keys.map((key) => [key, table[key]]))
					])
				)
			);
		}
		routes[id] = index;
	}
	return { routes, tables };
}
