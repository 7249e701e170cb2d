import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId, requireHouseholdAccess } from '$lib/server/auth/scoped';
import { appTimeZone, appToday } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { voidEntrySchema } from '$lib/schemas/actions';
import { fieldErrors, formObject } from '$lib/schemas/common';
import { householdBadges, settleFinishedChallenges } from '$lib/server/actions/badges';
import { getHouseholdHeader } from '$lib/server/community/groups';
import { householdFeed, voidEntryAs } from '$lib/server/actions/review';
import { addDays, localDay } from '$lib/utils/dates';

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
	const tz = appTimeZone();
	const today = appToday();
	await settleFinishedChallenges(db, { neighbourhoodId: header.neighbourhoodId }, today);
	const badges = await householdBadges(db, householdId);
	return {
		household: { id: header.id, name: header.displayName },
		badges: badges.map((b) => ({ badge: b.badge, detail: b.challengeTitle, day: localDay(b.awardedAt, tz) })),
		canVoid: relation === 'steward',
		entries: await householdFeed(db, householdId, addDays(today, -29), 150)
	};
};

export const actions: Actions = {
	void: async (event) => {
		const db = await getDb();
		const householdId = parseId(event.params.householdId);
		const { user } = await requireHouseholdAccess(event, db, householdId, ['steward']);
		const raw = formObject(await event.request.formData());
		const entryId = Number(raw.entryId) || null;
		const parsed = voidEntrySchema.safeParse(raw);
		if (!parsed.success)
			return fail(400, { entryId, error: Object.values(fieldErrors(parsed.error))[0] ?? 'form.invalid' });
		const result = await voidEntryAs(db, user.id, parsed.data.entryId, parsed.data.reason, { householdId });
		if (!result.ok)
			return fail(
				result.error === 'actions.void.forbidden' ? 403 : result.error === 'ledger.void.notFound' ? 404 : 400,
				{ entryId, error: result.error }
			);
		setFlash(event.cookies, 'actions.void.done');
		redirect(303, `/households/${householdId}/activity`);
	}
};
