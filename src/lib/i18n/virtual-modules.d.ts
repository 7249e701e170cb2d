// The module the route-keys Vite plugin writes (route-keys-plugin.ts): for each page's route id
// ('' for a path no route matches), the key literals and key patterns its code names.
declare module 'virtual:sx-route-keys' {
	const routeKeys: Record<string, { literals: string[]; patterns: string[] }>;
	export default routeKeys;
}
