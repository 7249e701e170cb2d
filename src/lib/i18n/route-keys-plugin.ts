// A Vite plugin (used by vite.config.ts only): the module `virtual:sx-route-keys` holds, for each
// page's route id, the keys its code can show (route-keys.ts works them out from the source). The
// server reads it to send each page only its own messages instead of a whole language's table.
import type { Plugin, ViteDevServer } from 'vite';
import { routeKeyUses } from './route-keys.ts';

const ID = 'virtual:sx-route-keys';
const RESOLVED = `\0${ID}`;

/** In `vite dev`, a change to any source file may change what a page shows: drop the module and its importers. */
function invalidateOnChange(server: ViteDevServer, src: string) {
	server.watcher.on('all', (_event, file) => {
		if (!file.startsWith(src) || !/\.(ts|svelte)$/.test(file)) return;
		const graph = server.moduleGraph;
		const seen = new Set<unknown>();
		const drop = (mod: ReturnType<typeof graph.getModuleById>) => {
			if (!mod || seen.has(mod)) return;
			seen.add(mod);
			graph.invalidateModule(mod);
			for (const importer of mod.importers) drop(importer);
		};
		drop(graph.getModuleById(RESOLVED));
	});
}

export function routeKeys(src: string): Plugin {
	return {
		name: 'songxanh-route-keys',
		configureServer(server) {
			invalidateOnChange(server, src);
		},
		resolveId(id) {
			return id === ID ? RESOLVED : undefined;
		},
		load(id) {
			if (id !== RESOLVED) return undefined;
			return `export default ${JSON.stringify(routeKeyUses(src))};`;
		}
	};
}
