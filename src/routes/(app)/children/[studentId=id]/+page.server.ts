import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireChild } from '$lib/server/access/routes';
import { eraseSchema } from '$lib/schemas/structure';
import { childData } from '$lib/server/people/guardians';
import { erasePerson } from '$lib/server/people/erasure';
import { nameKey } from '$lib/server/people/roster';
import { setFlash } from '$lib/server/flash';

export const load: PageServerLoad = async (event) => {
	const { db, studentId } = await requireChild(event);
	const data = await childData(db, studentId);
	if (!data) error(404, { message: 'error.404' });
	return { child: data };
};

export const actions: Actions = {
	erase: async (event) => {
		const { db, studentId } = await requireChild(event);
		const parsed = eraseSchema.safeParse(Object.fromEntries(await event.request.formData()));
		const data = await childData(db, studentId);
		if (!data) error(404, { message: 'error.404' });
		if (!parsed.success || nameKey(parsed.data.confirm) !== nameKey(data.profile.nickname)) {
			return fail(400, { error: 'structure.children.eraseMismatch' });
		}
		await erasePerson(db, studentId);
		setFlash(event.cookies, 'structure.children.erased');
		redirect(303, '/children');
	}
};
