import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { createPlayground, listPlaygrounds, playgroundFormOptions } from '$lib/server/playground/playgrounds';
import { playgroundSchema } from '$lib/schemas/playground';
import { fieldErrors } from '$lib/schemas/common';
import { setFlash } from '$lib/server/flash';
import { formKey, readForm } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const db = await getDb();
	const [playgrounds, options] = await Promise.all([listPlaygrounds(db), playgroundFormOptions(db)]);
	return { playgrounds, ...options, idempotencyKey: crypto.randomUUID() };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'organiser');
		const values = await readForm(event);
		const key = formKey(values);
		const parsed = playgroundSchema.safeParse(values);
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });
		const result = await once(
			await getDb(),
			{ actor: { userId: user.id }, form: 'playground.create', key },
			async (tx) => {
				const made = await createPlayground(tx, parsed.data, user.id);
				return made.ok ? { ok: true as const, id: made.playground.id } : made;
			}
		);
		if (!result.ok) return refuse(400, { values, message: result.error });
		setFlash(event.cookies, 'playground.organiser.created');
		redirect(303, `/organiser/playgrounds/${result.id}`);
	}
};
