import type { PageServerLoad } from './$types';
import { requireHousehold } from '$lib/server/access/routes';
import { mayNameHouseholdChildren } from '$lib/server/access/visibility';
import { studentAccountIds } from '$lib/server/access/grants';
import { appToday } from '$lib/server/config';
import { householdWall, pledgeImpact } from '$lib/server/pledges/queries';

export const load: PageServerLoad = async (event) => {
	const { db, householdId, household, relation } = await requireHousehold(event, [
		'adult',
		'student',
		'steward',
		'organiser'
	]);
	const today = appToday();
	const [wall, impact] = await Promise.all([
		householdWall(db, householdId, today),
		pledgeImpact(db, 'household', householdId, today)
	]);
	// Its steward and organisers see the household's pledges, never which child made one nor
	// what a child wrote in their own words.
	const children = mayNameHouseholdChildren(relation)
		? new Set<number>()
		: await studentAccountIds(
				db,
				wall.map((p) => p.ownerId)
			);
	const pledges = wall.map((p) =>
		p.ownerId && children.has(p.ownerId) ? { ...p, ownerNickname: '', customName: null } : p
	);
	return { group: { name: household.displayName, href: `/households/${householdId}` }, pledges, impact };
};
