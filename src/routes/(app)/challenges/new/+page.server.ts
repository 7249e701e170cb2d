import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { appToday } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { challengeFormObject, createChallengeSchema } from '$lib/schemas/challenges';
import { fieldErrors, formObject, type FieldErrors } from '$lib/schemas/common';
import { activeActions } from '$lib/server/actions/catalogue';
import { challengeFormOptions, createChallenge } from '$lib/server/actions/challenge-setup';
import { addDays } from '$lib/utils/dates';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'teacher', 'steward', 'organiser');
	const db = await getDb();
	const today = appToday();
	const [options, actions] = await Promise.all([challengeFormOptions(db, user), activeActions(db)]);
	return {
		options,
		actions,
		defaults: { startDay: today, endDay: addDays(today, 6) },
		formKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'teacher', 'steward', 'organiser');
		const raw = formObject(await event.request.formData());
		const values = { ...raw, actionIds: ([] as string[]).concat(raw.actionIds ?? []) };
		const parsed = createChallengeSchema.safeParse(challengeFormObject(raw));
		if (!parsed.success) {
			const errors = fieldErrors(parsed.error);
			return fail(400, { values, errors, formError: 'form.hasErrors' });
		}
		const db = await getDb();
		const result = await createChallenge(db, user, parsed.data, appToday());
		if (!result.ok) {
			const status = result.error === 'challenges.scope.forbidden' ? 403 : 400;
			return fail(status, { values, errors: {} as FieldErrors, formError: result.error });
		}
		setFlash(event.cookies, 'challenges.created');
		redirect(303, `/challenges/${result.id}`);
	}
};
