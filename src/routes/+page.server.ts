import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { hasDemoAccounts } from '$lib/server/db/seed/demo';

export const load: PageServerLoad = async ({ locals }) => {
	return { demo: locals.user ? false : await hasDemoAccounts(await getDb()) };
};
