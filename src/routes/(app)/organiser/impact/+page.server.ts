import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { impactByModel } from '$lib/server/community/impact';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	return { rows: await impactByModel(await getDb()) };
};
