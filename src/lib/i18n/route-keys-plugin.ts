// A Vite plugin (used by vite.config.ts only): each page loads one small message table of its
// language, holding the keys its code can show (route-keys.ts works them out from the source),
// instead of the whole catalogue. `virtual:sx-messages` exports the loader the root layout calls;
// `virtual:sx-messages/<n>/<locale>` are the tables, one chunk each.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformWithOxc, type Plugin, type ViteDevServer } from 'vite';
import { routeKeyUses, routeTables, type RouteTables } from './route-keys.ts';

const LOADER = 'virtual:sx-messages';
const TABLE = /^virtual:sx-messages\/(\d+)\/(vi|en)$/;
const LOCALES = ['vi', 'en'] as const;

/**
 * Every domain's messages/<domain>/<locale>.ts, evaluated (they import types only): the same
 * catalogue src/lib/i18n/index.ts gives the server, read here before any bundle exists.
 */
export async function readCatalogues(src: string): Promise<Record<string, Record<string, unknown>>> {
	const dir = join(src, 'lib', 'i18n', 'messages');
	const catalogues: Record<string, Record<string, unknown>> = { vi: {}, en: {} };
	for (const domain of readdirSync(dir).sort()) {
		for (const locale of LOCALES) {
			const file = join(dir, domain, `${locale}.ts`);
			const { code } = await transformWithOxc(readFileSync(file, 'utf8'), file, { lang: 'ts' });
			const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
			Object.assign(catalogues[locale], ((await import(url)) as { default: object }).default);
		}
	}
	return catalogues;
}

/** The loader: a route id's table index, and one `import()` per table and language. */
function loaderCode({ routes, tables }: RouteTables<unknown>): string {
	const imports = tables.map(
		(_, n) => `{vi:()=>import("${LOADER}/${n}/vi"),en:()=>import("${LOADER}/${n}/en")}`
	);
	return [
		`const tables = [${imports.join(',')}];`,
		`const routes = ${JSON.stringify(routes)};`,
		'export default (locale, id) => tables[routes[id] ?? routes[""]][locale]().then((m) => m.default);'
	].join('\n');
}

/** In `vite dev`, a change to any source file may change what a page shows: drop the modules and their importers. */
function invalidateOnChange(server: ViteDevServer, src: string, reset: () => void) {
	server.watcher.on('all', (_event, file) => {
		if (!file.startsWith(src) || !/\.(ts|svelte)$/.test(file)) return;
		reset();
		const graph = server.moduleGraph;
		const seen = new Set<unknown>();
		const drop = (mod: ReturnType<typeof graph.getModuleById>) => {
			if (!mod || seen.has(mod)) return;
			seen.add(mod);
			graph.invalidateModule(mod);
			for (const importer of mod.importers) drop(importer);
		};
		for (const id of graph.idToModuleMap.keys())
			if (id.startsWith(`\0${LOADER}`)) drop(graph.getModuleById(id));
	});
}

export function routeMessages(src: string): Plugin {
	let built: Promise<RouteTables<unknown>> | null = null;
	const tables = () =>
		(built ??= readCatalogues(src).then((catalogues) => routeTables(routeKeyUses(src), catalogues)));
	return {
		name: 'songxanh-route-messages',
		configureServer(server) {
			invalidateOnChange(server, src, () => (built = null));
		},
		resolveId(id) {
			return id === LOADER || TABLE.test(id) ? `\0${id}` : undefined;
		},
		async load(id) {
			if (!id.startsWith(`\0${LOADER}`)) return undefined;
			const name = id.slice(1);
			if (name === LOADER) return loaderCode(await tables());
			const [, n, locale] = TABLE.exec(name) ?? [];
			const table = (await tables()).tables[Number(n)]?.[locale];
			if (!table) throw new Error(`${name}: no such message table`);
			return `export default ${JSON.stringify(table)};`;
		}
	};
}
