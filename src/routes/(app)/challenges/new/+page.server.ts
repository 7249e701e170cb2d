import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { appToday } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { challengeFormObject, createChallengeSchemaFor } from '$lib/schemas/challenges';
import { fieldErrors, type FieldErrors } from '$lib/schemas/common';
import { CHALLENGE_RULES, challengeDayBounds } from '$lib/rules/challenges';
import { activeActions } from '$lib/server/actions/catalogue';
import { challengeFormOptions, createChallenge } from '$lib/server/actions/challenge-setup';
import type { Overlap } from '$lib/server/actions/overlaps';
import { addDays } from '$lib/utils/dates';
import { readForm } from '$lib/server/form-values';

interface Refusal {
	errors: FieldErrors;
	formError: string;
	overlaps: Overlap[];
	retired: { vi: string; en: string }[];
}

/** The day bounds as the form needs them: min/max for the date inputs and the hint's words. */
function bounds(today: string, startDay?: string) {
	const b = challengeDayBounds(today);
	return {
		startMin: b.startMin,
		startMax: b.startMax,
		endMin: b.endMin,
		endMax: b.endMax(startDay && startDay >= b.startMin && startDay <= b.startMax ? startDay : b.startMax),
		maxDays: CHALLENGE_RULES.maxDays,
		maxDaysBack: CHALLENGE_RULES.maxDaysBack
	};
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'teacher', 'steward', 'organiser');
	const db = await getDb();
	const today = appToday();
	const [options, actions] = await Promise.all([challengeFormOptions(db, user), activeActions(db)]);
	return {
		options,
		actions,
		defaults: { startDay: today, endDay: addDays(today, 6) },
		bounds: bounds(today),
		maxActions: CHALLENGE_RULES.maxActions,
		formKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'teacher', 'steward', 'organiser');
		const raw = await readForm(event, { arrays: ['classIds', 'actionIds'] });
		const values = { ...raw, actionIds: ([] as string[]).concat(raw.actionIds ?? []) };
		const today = appToday();
		const dayBounds = bounds(today, typeof raw.startDay === 'string' ? raw.startDay : undefined);
		// One shape for every refusal, so the page reads each part the same way.
		const refuse = (status: number, more: Partial<Refusal>) =>
			fail(status, {
				values,
				errors: {},
				formError: 'form.hasErrors',
				overlaps: [],
				retired: [],
				bounds: dayBounds,
				...more
			});
		const parsed = createChallengeSchemaFor(today).safeParse(challengeFormObject(raw));
		if (!parsed.success) return refuse(400, { errors: fieldErrors(parsed.error) });
		const db = await getDb();
		const result = await createChallenge(db, user, parsed.data, today);
		if (!result.ok) {
			if (result.error === 'challenges.overlap.confirm')
				return refuse(400, { formError: result.error, overlaps: result.overlaps });
			return refuse(result.error === 'challenges.scope.forbidden' ? 403 : 400, {
				errors: result.field ? { [result.field]: result.error } : {},
				formError: result.field ? 'form.hasErrors' : result.error,
				retired: result.retired ?? []
			});
		}
		setFlash(event.cookies, 'challenges.created');
		redirect(303, `/challenges/${result.id}`);
	}
};
