import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { parseId, requireClassTeacher } from '$lib/server/access/routes';
import { listStudents, removeStudent, rotateJoinCode } from '$lib/server/community/classes';
import { listPasswordResets, resetStudentPassword } from '$lib/server/people/students';
import { setFlash } from '$lib/server/flash';
import { appTimeZone } from '$lib/server/config';

// Teachers of this class only: the roster shows real names.
export const load: PageServerLoad = async (event) => {
	const { db, classId, cls } = await requireClassTeacher(event);
	return {
		cls,
		students: await listStudents(db, classId),
		resets: await listPasswordResets(db, classId),
		joinUrl: `${event.url.origin}/join`,
		tz: appTimeZone()
	};
};

async function studentIdFrom(event: RequestEvent): Promise<number> {
	const form = await event.request.formData();
	return parseId(String(form.get('studentId') ?? ''));
}

export const actions: Actions = {
	rotate: async (event) => {
		const { db, classId } = await requireClassTeacher(event);
		await rotateJoinCode(db, classId);
		setFlash(event.cookies, 'structure.students.rotated');
		redirect(303, `/classes/${classId}/students`);
	},
	reset: async (event) => {
		const { db, classId, user } = await requireClassTeacher(event);
		const studentId = await studentIdFrom(event);
		const res = await resetStudentPassword(db, classId, studentId, user.id);
		if (!res) return fail(404, { error: 'structure.students.notInClass' });
		// Shown once, in this response only; never stored in clear.
		return { reset: { name: res.displayName, username: res.username, password: res.password } };
	},
	remove: async (event) => {
		const { db, classId } = await requireClassTeacher(event);
		const studentId = await studentIdFrom(event);
		if (!(await removeStudent(db, classId, studentId)))
			return fail(404, { error: 'structure.students.notInClass' });
		setFlash(event.cookies, 'structure.students.removed');
		redirect(303, `/classes/${classId}/students`);
	}
};
