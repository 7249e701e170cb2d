import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireClassTeacher } from '$lib/server/access/routes';
import { consentSchema, memberActionSchema } from '$lib/schemas/structure';
import { fieldErrors } from '$lib/schemas/common';
import {
	addCoTeacher,
	archiveClass,
	classTeachers,
	listConsent,
	recordConsent,
	setStudentBoard
} from '$lib/server/community/classes';
import { formKey, readForm, refillValues } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';
import { setFlash } from '$lib/server/flash';
import { appToday } from '$lib/server/config';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = async (event) => {
	const { db, cls } = await requireClassTeacher(event);
	return {
		cls,
		...(await classTeachers(db, cls.id, cls.schoolId)),
		consent: await listConsent(db, cls.id),
		today: appToday(),
		idempotencyKey: crypto.randomUUID()
	};
};

const back = (id: number) => `/classes/${id}/settings`;

export const actions: Actions = {
	coteach: async (event) => {
		const { db, cls } = await requireClassTeacher(event);
		const parsed = memberActionSchema.safeParse(await readForm(event));
		if (!parsed.success)
			return refuse(400, {
				form: 'coteach',
				values: {},
				errors: fieldErrors(parsed.error)
			});
		const res = await addCoTeacher(db, cls.id, parsed.data.userId);
		if (!res.ok)
			return refuse(400, {
				form: 'coteach',
				values: {},
				errors: { userId: res.error }
			});
		setFlash(event.cookies, 'structure.coteach.added');
		redirect(303, back(cls.id));
	},
	board: async (event) => {
		const { db, cls } = await requireClassTeacher(event);
		const form = await readForm(event);
		await setStudentBoard(db, cls.id, form.enabled === 'on');
		setFlash(event.cookies, 'structure.board.saved');
		redirect(303, back(cls.id));
	},
	consent: async (event) => {
		const { db, cls, user } = await requireClassTeacher(event);
		const form = await readForm(event);
		const key = formKey(form);
		const values = refillValues(form, ['collectedOn', 'note'], 500);
		const parsed = consentSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { form: 'consent', values, errors: fieldErrors(parsed.error) });
		const today = appToday();
		const res = await once(db, { actor: { userId: user.id }, form: `class.consent:${cls.id}`, key }, (tx) =>
			recordConsent(tx, cls.id, user.id, parsed.data, today)
		);
		if (!res.ok) return refuse(400, { form: 'consent', values, errors: { [res.field]: res.error } });
		setFlash(event.cookies, 'structure.consent.saved');
		redirect(303, back(cls.id));
	},
	archive: async (event) => {
		const { db, cls } = await requireClassTeacher(event);
		await archiveClass(db, cls.id);
		setFlash(event.cookies, 'structure.archive.done');
		redirect(303, back(cls.id));
	}
};
