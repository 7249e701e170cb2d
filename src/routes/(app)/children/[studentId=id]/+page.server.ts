import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireGuardianOf } from '$lib/server/auth/guardian';
import { eraseSchema } from '$lib/schemas/structure';
import { childData } from '$lib/server/people/guardians';
import { erasePerson } from '$lib/server/people/erasure';
import { nameKey } from '$lib/server/people/roster';
import { setFlash } from '$lib/server/flash';
import { readForm } from '$lib/server/form-values';

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const { studentId } = await requireGuardianOf(event, db);
	const data = await childData(db, studentId);
	if (!data) error(404, { message: 'error.404' });
	return { child: data };
};

export const actions: Actions = {
	erase: async (event) => {
		const db = await getDb();
		const { studentId } = await requireGuardianOf(event, db);
		const parsed = eraseSchema.safeParse(await readForm(event));
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
