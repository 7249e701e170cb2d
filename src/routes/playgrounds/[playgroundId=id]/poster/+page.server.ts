import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/access/routes';
import { getPlayground } from '$lib/server/playground/playgrounds';
import { getTracker } from '$lib/server/playground/tracker';
import { pointsForPlayground } from '$lib/server/playground/points';

// Public, like the tracker it summarises.
export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const id = parseId(event.params.playgroundId);
	const playground = await getPlayground(db, id);
	if (!playground) error(404, { message: 'error.404' });
	const [tracker, points] = await Promise.all([getTracker(db, id), pointsForPlayground(db, id)]);
	return {
		playground,
		components: tracker.components,
		overall: tracker.overall,
		totalGrams: tracker.totalGrams,
		points: points.map(({ stewards: _s, ...p }) => p),
		url: `${event.url.origin}/playgrounds/${id}`
	};
};
