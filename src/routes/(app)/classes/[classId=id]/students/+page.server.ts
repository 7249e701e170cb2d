import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseId, requireClassTeacher } from '$lib/server/access/routes';
import { listStudents, removeStudent, rotateJoinCode } from '$lib/server/community/classes';
import { listPasswordResets, resetStudentPassword } from '$lib/server/people/students';
import { setFlash } from '$lib/server/flash';
import { withNamesakes } from '$lib/server/people/roster-paste';
import { formKey, readForm } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';
import { appTimeZone } from '$lib/server/config';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

// Teachers of this class only: the roster shows real names.
export const load: PageServerLoad = async (event) => {
	const { db, classId, cls } = await requireClassTeacher(event);
	return {
		cls,
		students: withNamesakes(await listStudents(db, classId)),
		resets: await listPasswordResets(db, classId),
		joinUrl: `${event.url.origin}/join`,
		tz: appTimeZone(),
		idempotencyKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	rotate: async (event) => {
		const { db, classId, user } = await requireClassTeacher(event);
		const key = formKey(await readForm(event));
		await once(db, { actor: { userId: user.id }, form: `class.rotate:${classId}`, key }, async (tx) => ({
			ok: true,
			code: await rotateJoinCode(tx, classId)
		}));
		setFlash(event.cookies, 'structure.students.rotated');
		redirect(303, `/classes/${classId}/students`);
	},
	reset: async (event) => {
		const { db, classId, user } = await requireClassTeacher(event);
		const form = await readForm(event);
		const key = formKey(form);
		const studentId = parseId(form.studentId as string | undefined);
		const res = await resetStudentPassword(db, classId, studentId, user.id, key);
		if (!res) return refuse(404, { message: msg('structure.students.notInClass') });
		// Shown in this response only (and again to a repeat of the same form); never stored in clear.
		return {
			reset: {
				name: res.displayName,
				nickname: res.nickname,
				username: res.username,
				password: res.password
			}
		};
	},
	remove: async (event) => {
		const { db, classId } = await requireClassTeacher(event);
		const studentId = parseId((await readForm(event)).studentId as string | undefined);
		if (!(await removeStudent(db, classId, studentId)))
			return refuse(404, { message: msg('structure.students.notInClass') });
		setFlash(event.cookies, 'structure.students.removed');
		redirect(303, `/classes/${classId}/students`);
	}
};
