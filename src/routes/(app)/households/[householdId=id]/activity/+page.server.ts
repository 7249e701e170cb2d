import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireHousehold } from '$lib/server/access/routes';
import { mayNameHouseholdChildren } from '$lib/server/access/visibility';
import { studentAccountIds } from '$lib/server/access/grants';
import { appTimeZone, appToday } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { voidEntrySchema } from '$lib/schemas/actions';
import { firstError } from '$lib/schemas/common';
import { householdBadges } from '$lib/server/actions/badges';
import { householdFeed, voidEntryAs } from '$lib/server/actions/review';
import { addDays, localDay } from '$lib/utils/dates';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';
import { ACTION_RULES } from '$lib/rules/actions';

export const load: PageServerLoad = async (event) => {
	const {
		db,
		householdId,
		household: header,
		relation
	} = await requireHousehold(event, ['adult', 'student', 'steward', 'organiser']);
	const tz = appTimeZone();
	const today = appToday();
	const badges = await householdBadges(db, householdId);
	const entries = await householdFeed(db, householdId, addDays(today, -29), 150);
	// Its steward and organisers see what was done, and by which adult, never by which child.
	const children = mayNameHouseholdChildren(relation)
		? new Set<number>()
		: await studentAccountIds(
				db,
				entries.map((e) => e.personId)
			);
	return {
		household: { id: header.id, name: header.displayName },
		badges: badges.map((b) => ({ badge: b.badge, detail: b.challengeTitle, day: localDay(b.awardedAt, tz) })),
		canVoid: relation === 'steward',
		entries: entries.map((e) => (e.personId && children.has(e.personId) ? { ...e, nickname: null } : e))
	};
};

export const actions: Actions = {
	void: async (event) => {
		const { db, householdId, user } = await requireHousehold(event, ['steward']);
		const raw = await readForm(event);
		// Each entry has its own void form: the failure names the one it belongs to.
		const form = `void-${Number(raw.entryId) || 0}`;
		const params = ACTION_RULES.voidReason;
		const parsed = voidEntrySchema.safeParse(raw);
		if (!parsed.success) return refuse(400, { form, message: firstError(parsed.error), params });
		const result = await voidEntryAs(db, user.id, parsed.data.entryId, parsed.data.reason, { householdId });
		if (!result.ok)
			return refuse(
				result.error === 'actions.void.forbidden' ? 403 : result.error === 'ledger.void.notFound' ? 404 : 400,
				{ form, message: result.error, params }
			);
		setFlash(event.cookies, 'actions.void.done');
		redirect(303, `/households/${householdId}/activity`);
	}
};
