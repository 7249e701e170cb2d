import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { createPlayground, listPlaygrounds, playgroundFormOptions } from '$lib/server/playground/playgrounds';
import { playgroundSchema } from '$lib/schemas/playground';
import { fieldErrors, formObject } from '$lib/schemas/common';
import { setFlash } from '$lib/server/flash';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const db = await getDb();
	const [playgrounds, options] = await Promise.all([listPlaygrounds(db), playgroundFormOptions(db)]);
	return { playgrounds, ...options };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'organiser');
		const values = formObject(await event.request.formData());
		const parsed = playgroundSchema.safeParse(values);
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });
		const result = await createPlayground(await getDb(), parsed.data, user.id);
		if (!result.ok) return refuse(400, { values, errors: { _: result.error } });
		setFlash(event.cookies, 'playground.organiser.created');
		redirect(303, `/organiser/playgrounds/${result.playground.id}`);
	}
};
