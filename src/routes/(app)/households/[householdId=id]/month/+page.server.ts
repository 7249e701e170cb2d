import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireHousehold } from '$lib/server/access/routes';
import { mayNameHouseholdChildren } from '$lib/server/access/visibility';
import { appTimeZone } from '$lib/server/config';
import { householdMonth } from '$lib/server/impact/household-month';
import { parseMonthQuery } from '$lib/schemas/impact';
import { addDays, localDay, monthStart } from '$lib/utils/dates';

export const load: PageServerLoad = async (event) => {
	const { db, householdId, household, relation } = await requireHousehold(event, [
		'adult',
		'student',
		'steward',
		'organiser'
	]);
	const zone = appTimeZone();
	const today = localDay(new Date(), zone);
	const parsed = parseMonthQuery(event.url.searchParams, today);
	if (!parsed.ok) error(400, { message: parsed.error, params: parsed.params });
	const previous = monthStart(addDays(parsed.month, -1));
	return {
		household,
		relation,
		today,
		month: parsed.month,
		previous: previous.slice(0, 7),
		next: parsed.month < monthStart(today) ? monthStart(addDays(parsed.month, 40)).slice(0, 7) : null,
		report: await householdMonth(
			db,
			householdId,
			parsed.month,
			today,
			zone,
			mayNameHouseholdChildren(relation)
		)
	};
};
