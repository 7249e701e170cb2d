import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId, requireHouseholdAccess } from '$lib/server/auth/scoped';
import { getHouseholdHeader } from '$lib/server/community/groups';
import { appTimeZone } from '$lib/server/config';
import { householdMonth } from '$lib/server/impact/household-month';
import { parseMonthQuery } from '$lib/schemas/impact';
import { translate } from '$lib/i18n';
import { addDays, localDay, monthStart } from '$lib/utils/dates';

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const householdId = parseId(event.params.householdId);
	const { relation } = await requireHouseholdAccess(event, db, householdId, [
		'adult',
		'student',
		'steward',
		'organiser'
	]);
	const zone = appTimeZone();
	const today = localDay(new Date(), zone);
	const parsed = parseMonthQuery(event.url.searchParams, today);
	if (!parsed.ok) error(400, { message: translate(event.locals.locale, parsed.error, parsed.params) });
	const header = await getHouseholdHeader(db, householdId);
	if (!header) error(404, { message: 'error.404' });
	const previous = monthStart(addDays(parsed.month, -1));
	return {
		household: header,
		relation,
		today,
		month: parsed.month,
		previous: previous.slice(0, 7),
		next: parsed.month < monthStart(today) ? monthStart(addDays(parsed.month, 40)).slice(0, 7) : null,
		report: await householdMonth(db, householdId, parsed.month, today, zone)
	};
};
