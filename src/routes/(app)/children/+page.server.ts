import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/auth/scoped';
import { linkableChildren, linkChild, listChildren } from '$lib/server/people/guardians';
import { setFlash } from '$lib/server/flash';
import { readForm } from '$lib/server/form-values';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'household');
	const db = await getDb();
	return { children: await listChildren(db, user.id), linkable: await linkableChildren(db, user.id) };
};

export const actions: Actions = {
	link: async (event) => {
		const user = requireRole(event, 'household');
		const form = await readForm(event);
		const studentId = parseId(form.studentId as string | undefined);
		if (!(await linkChild(await getDb(), user.id, studentId)))
			return fail(403, { error: 'structure.children.notLinkable' });
		setFlash(event.cookies, 'structure.children.linked');
		redirect(303, '/children');
	}
};
