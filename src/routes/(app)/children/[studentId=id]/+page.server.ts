import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireChild } from '$lib/server/access/routes';
import { eraseSchema } from '$lib/schemas/structure';
import { erasePerson } from '$lib/server/people/erasure';
import { nameKey } from '$lib/server/people/roster';
import { setFlash } from '$lib/server/flash';
import { readForm } from '$lib/server/form-values';

export const load: PageServerLoad = async (event) => {
	const { child } = await requireChild(event);
	return { child };
};

export const actions: Actions = {
	erase: async (event) => {
		const { db, studentId, child } = await requireChild(event);
		const parsed = eraseSchema.safeParse(await readForm(event));
		if (!parsed.success || nameKey(parsed.data.confirm) !== nameKey(child.profile.nickname)) {
			return fail(400, { error: 'structure.children.eraseMismatch' });
		}
		await erasePerson(db, studentId);
		setFlash(event.cookies, 'structure.children.erased');
		redirect(303, '/children');
	}
};
