import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { hasDemoAccounts } from '$lib/server/db/seed/demo';
import { dueToday } from '$lib/server/pledges/queries';
import { homePlaces } from '$lib/server/community/home';
import { appToday } from '$lib/server/config';

// Public page: visitors see the introduction; a signed-in person also sees their places and reminders.
export const load: PageServerLoad = async ({ locals }) => {
	const db = await getDb();
	if (!locals.user) return { demo: await hasDemoAccounts(db), pledgesDue: [], places: null };
	return {
		demo: false,
		pledgesDue: await dueToday(db, locals.user.id, appToday()),
		places: await homePlaces(db, locals.user)
	};
};
