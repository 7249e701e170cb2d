import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireClassTeacher } from '$lib/server/access/routes';
import { isClassStudent } from '$lib/server/access/membership';
import { classGuardians, linkGuardianByTeacher, unlinkGuardian } from '$lib/server/people/guardians';
import { issueMissingParentCodes, issueParentCode, parentLetters } from '$lib/server/people/parent-codes';
import { guardianLinkSchema, studentSchema, unlinkGuardianSchema } from '$lib/schemas/trust';
import { fieldErrors } from '$lib/schemas/common';
import { formKey, readForm, refillValues } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';
import { setFlash } from '$lib/server/flash';
import { appTimeZone } from '$lib/server/config';
import { localDay } from '$lib/utils/dates';
import { msg } from '$lib/i18n/msg';
import type { MessageKey } from '$lib/i18n/vi';
import { refuse } from '$lib/server/refuse';

// Teachers of this class only: who is linked to each child, and the letters that link parents.
export const load: PageServerLoad = async (event) => {
	const { db, classId, cls } = await requireClassTeacher(event);
	const [students, letters] = await Promise.all([classGuardians(db, classId), parentLetters(db, classId)]);
	const tz = appTimeZone();
	return {
		cls,
		students: students.map((s) => {
			const letter = letters.find((l) => l.studentId === s.id);
			return {
				...s,
				letter: letter ? { code: letter.code, expiresOn: localDay(letter.expiresAt, tz) } : null
			};
		}),
		idempotencyKey: crypto.randomUUID()
	};
};

const back = (classId: number) => `/classes/${classId}/guardians`;
type Form = Record<string, string | string[]>;

/** Whether the student named in the form is in this class (another class's student is a 404). */
async function inThisClass(
	db: Awaited<ReturnType<typeof requireClassTeacher>>['db'],
	classId: number,
	form: Form
) {
	const parsed = studentSchema.safeParse(form);
	return parsed.success && (await isClassStudent(db, parsed.data.studentId, classId));
}

const refused = (status: 400 | 404, form: string, error: MessageKey = msg('trust.guardians.notInClass')) =>
	refuse(status, { form, values: {}, errors: { _: error } });

export const actions: Actions = {
	issueAll: async (event) => {
		const { db, classId, user } = await requireClassTeacher(event);
		await issueMissingParentCodes(db, classId, user.id);
		setFlash(event.cookies, 'trust.guardians.issued');
		redirect(303, back(classId));
	},
	reissue: async (event) => {
		const { db, classId, user } = await requireClassTeacher(event);
		const form = await readForm(event);
		const parsed = studentSchema.safeParse(form);
		if (!parsed.success) return refused(400, 'reissue', 'form.invalid');
		const studentId = parsed.data.studentId;
		if (!(await inThisClass(db, classId, form))) return refused(404, 'reissue');
		// A double tap replaces the letter once: the code printed from the first answer keeps working.
		const res = await once(
			db,
			{ actor: { userId: user.id }, form: `parent.reissue:${studentId}`, key: formKey(form) },
			async (tx) => {
				const issued = await issueParentCode(tx, { classId, studentId, teacherId: user.id });
				return issued ? { ok: true, code: issued.code } : { ok: false };
			}
		);
		if (!res.ok) return refused(404, 'reissue');
		setFlash(event.cookies, 'trust.guardians.reissued');
		redirect(303, back(classId));
	},
	link: async (event) => {
		const { db, classId, user } = await requireClassTeacher(event);
		const form = await readForm(event);
		const values = refillValues(form, ['studentId', 'username'], 254);
		const parsed = guardianLinkSchema.safeParse(form);
		if (!parsed.success)
			return refuse(400, { form: `link-${values.studentId}`, values, errors: fieldErrors(parsed.error) });
		if (!(await inThisClass(db, classId, form))) return refused(404, `link-${values.studentId}`);
		const res = await linkGuardianByTeacher(db, user.id, parsed.data.studentId, parsed.data.username);
		if (!res.ok)
			return refuse(400, { form: `link-${values.studentId}`, values, errors: { username: res.error } });
		setFlash(event.cookies, 'trust.guardians.linked');
		redirect(303, back(classId));
	},
	unlink: async (event) => {
		const { db, classId, user } = await requireClassTeacher(event);
		const form = await readForm(event);
		const parsed = unlinkGuardianSchema.safeParse(form);
		if (!parsed.success) return refused(400, 'unlink', 'form.invalid');
		if (!(await inThisClass(db, classId, form))) return refused(404, 'unlink');
		if (!(await unlinkGuardian(db, user.id, parsed.data.studentId, parsed.data.guardianId)))
			return refused(404, 'unlink', 'trust.guardians.notLinked');
		setFlash(event.cookies, 'trust.guardians.removed');
		redirect(303, back(classId));
	}
};
