import { redirect } from '@sveltejs/kit';
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
import { refuse } from '$lib/server/refuse';
import type { MessageKey } from '$lib/i18n/vi';

/** What the page shows beside a refusal: the overlapping challenges, the retired actions. */
interface Beside {
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
		const today = appToday();
		const dayBounds = bounds(today, typeof raw.startDay === 'string' ? raw.startDay : undefined);
		// The ticked lists come back beside the string values, which refill the rest of the form.
		const chosen = {
			actionIds: ([] as string[]).concat(raw.actionIds ?? []),
			classIds: ([] as string[]).concat(raw.classIds ?? [])
		};
		const refuseChallenge = (
			status: number,
			failure: { errors?: FieldErrors; message?: MessageKey },
			beside: Partial<Beside> = {}
		) =>
			refuse(
				status,
				{ values: raw, ...failure },
				{ chosen, overlaps: [], retired: [], bounds: dayBounds, ...beside }
			);
		const parsed = createChallengeSchemaFor(today).safeParse(challengeFormObject(raw));
		if (!parsed.success) return refuseChallenge(400, { errors: fieldErrors(parsed.error) });
		const db = await getDb();
		const result = await createChallenge(db, user, parsed.data, today);
		if (!result.ok) {
			if (result.error === 'challenges.overlap.confirm')
				return refuseChallenge(400, { message: result.error }, { overlaps: result.overlaps });
			return refuseChallenge(
				result.error === 'challenges.scope.forbidden' ? 403 : 400,
				result.field ? { errors: { [result.field]: result.error } } : { message: result.error },
				{ retired: result.retired ?? [] }
			);
		}
		setFlash(event.cookies, 'challenges.created');
		redirect(303, `/challenges/${result.id}`);
	}
};
