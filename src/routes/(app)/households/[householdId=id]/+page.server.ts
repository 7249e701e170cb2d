import type { PageServerLoad } from './$types';
import { requireHousehold } from '$lib/server/access/routes';
import { groupSummary } from '$lib/server/community/groups';
import { appToday } from '$lib/server/config';
import { householdStandings } from '$lib/server/boards/view';

export const load: PageServerLoad = async (event) => {
	const { db, householdId, household, relation } = await requireHousehold(event, [
		'adult',
		'student',
		'steward',
		'organiser'
	]);
	const today = appToday();
	return {
		household,
		relation,
		summary: await groupSummary(db, 'household', householdId, today),
		standings: await householdStandings(db, householdId, today)
	};
};
