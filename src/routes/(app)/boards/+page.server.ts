import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { appToday } from '$lib/server/config';
import { boardsForViewer } from '$lib/server/boards/board-refs';
import { standingsOn } from '$lib/server/boards/view';
import { windowPeriod } from '$lib/server/boards/leaderboards';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	const today = appToday();
	const refs = await boardsForViewer(db, user);
	return { standings: await standingsOn(db, refs, windowPeriod('week', today)) };
};
