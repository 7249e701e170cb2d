import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { hasDemoAccounts } from '$lib/server/db/seed/demo';
import { pledgeReminders } from '$lib/server/services/pledge-queries';

export const load: PageServerLoad = async ({ locals }) => {
	return {
		demo: locals.user ? false : await hasDemoAccounts(await getDb()),
		pledgesDue: locals.user ? await pledgeReminders(await getDb(), locals.user.id) : []
	};
};
