import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listPlaygrounds } from '$lib/server/playground/playgrounds';
import { gramsByPlayground } from '$lib/server/playground/tracker';

// Public: the build trackers are meant to be shared (no names, only nicknames and totals).
export const load: PageServerLoad = async () => {
	const db = await getDb();
	const [playgrounds, grams] = await Promise.all([listPlaygrounds(db), gramsByPlayground(db)]);
	return { playgrounds: playgrounds.map((p) => ({ ...p, grams: grams.get(p.id) ?? 0 })) };
};
