import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId, requireHouseholdAccess } from '$lib/server/auth/scoped';
import { appToday } from '$lib/server/config';
import { getHouseholdHeader } from '$lib/server/community/groups';
import { householdWall, pledgeImpact } from '$lib/server/pledges/queries';

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const householdId = parseId(event.params.householdId);
	await requireHouseholdAccess(event, db, householdId, ['adult', 'student', 'steward', 'organiser']);
	const hh = await getHouseholdHeader(db, householdId);
	if (!hh) error(404, { message: 'error.404' });
	const today = appToday();
	const [pledges, impact] = await Promise.all([
		householdWall(db, householdId, today),
		pledgeImpact(db, 'household', householdId, today)
	]);
	return { group: { name: hh.displayName, href: `/households/${householdId}` }, pledges, impact };
};
