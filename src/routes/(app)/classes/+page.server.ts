import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { classSchema } from '$lib/schemas/structure';
import { fieldErrors } from '$lib/schemas/common';
import { createClass, listTeacherClasses, teacherSchools } from '$lib/server/community/classes';
import { formKey, readForm, refillValues } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';
import { setFlash } from '$lib/server/flash';
import { appToday } from '$lib/server/config';
import { refuse } from '$lib/server/refuse';

/** The school year a class made today belongs to (Vietnamese years start in September). */
function currentSchoolYear(): string {
	const [y, m] = appToday().split('-').map(Number);
	const start = m >= 8 ? y : y - 1;
	return `${start}-${start + 1}`;
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'teacher');
	const db = await getDb();
	return {
		classes: await listTeacherClasses(db, user.id),
		schools: await teacherSchools(db, user.id),
		schoolYear: currentSchoolYear(),
		idempotencyKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'teacher');
		const form = await readForm(event);
		const key = formKey(form);
		const values = refillValues(form, ['schoolId', 'name', 'grade', 'schoolYear'], 40);
		const parsed = classSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });
		const res = await once(await getDb(), { actor: { userId: user.id }, form: 'class.create', key }, (tx) =>
			createClass(tx, user.id, parsed.data)
		);
		if (!res.ok)
			return refuse(res.field === 'schoolId' ? 403 : 400, {
				values,
				errors: { [res.field]: res.error }
			});
		setFlash(event.cookies, 'structure.class.created');
		redirect(303, `/classes/${res.classId}/students`);
	}
};
