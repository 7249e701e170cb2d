import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId, requireHouseholdAccess } from '$lib/server/auth/scoped';
import { getHouseholdHeader, groupSummary } from '$lib/server/community/groups';
import { appToday } from '$lib/server/config';

import { householdStandings } from '$lib/server/boards/view';

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const householdId = parseId(event.params.householdId);
	const { relation } = await requireHouseholdAccess(event, db, householdId, [
		'adult',
		'student',
		'steward',
		'organiser'
	]);
	const header = await getHouseholdHeader(db, householdId);
	if (!header) error(404, { message: 'error.404' });
	const today = appToday();
	return {
		household: header,
		relation,
		summary: await groupSummary(db, 'household', householdId, today),
		standings: await householdStandings(db, householdId, today)
	};
};
