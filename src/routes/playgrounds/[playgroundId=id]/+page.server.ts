import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/access/routes';
import { adoptComponent, adoptionOptions, getPlayground } from '$lib/server/playground/playgrounds';
import { getTracker } from '$lib/server/playground/tracker';
import { pointsForPlayground } from '$lib/server/playground/points';
import { adoptSchema } from '$lib/schemas/playground';
import { fieldErrors } from '$lib/schemas/common';
import { setFlash } from '$lib/server/flash';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

// Public page: anyone may follow the build; adopting needs a teacher or a household adult.
export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const id = parseId(event.params.playgroundId);
	const playground = await getPlayground(db, id);
	if (!playground) error(404, { message: msg('error.404') });
	const [tracker, points] = await Promise.all([getTracker(db, id), pointsForPlayground(db, id)]);
	const user = event.locals.user;
	const adoption = user ? await adoptionOptions(db, user.id) : { classes: [], households: [] };
	return {
		playground,
		tracker,
		points: points.map(({ stewards: _s, ...p }) => p),
		adoption
	};
};

export const actions: Actions = {
	adopt: async (event) => {
		const user = requireUser(event);
		const db = await getDb();
		const playgroundId = parseId(event.params.playgroundId);
		const values = await readForm(event);
		const parsed = adoptSchema.safeParse(values);
		if (!parsed.success) {
			// The two selects show no error of their own: the form's message says what was wrong.
			const errors = fieldErrors(parsed.error);
			return refuse(400, { form: 'adopt', values, message: errors.adopter ?? errors.componentId });
		}
		const result = await adoptComponent(db, user.id, { playgroundId, ...parsed.data });
		if (!result.ok) return refuse(result.status, { form: 'adopt', values, message: result.error });
		setFlash(event.cookies, 'playground.adopt.done');
		redirect(303, `/playgrounds/${playgroundId}`);
	}
};
