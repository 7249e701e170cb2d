import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId, requireClassAccess } from '$lib/server/auth/scoped';
import { appTimeZone } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { voidEntrySchema } from '$lib/schemas/actions';
import { fieldErrors, formObject } from '$lib/schemas/common';
import { getClassHeader } from '$lib/server/services/groups';
import { classFeed, classParticipation, voidEntryAs } from '$lib/server/services/review';
import { addDays, localDay, weekStart } from '$lib/utils/dates';

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const classId = parseId(event.params.classId);
	await requireClassAccess(event, db, classId, ['teacher']);
	const header = await getClassHeader(db, classId);
	if (!header) error(404, { message: 'error.404' });
	const today = localDay(new Date(), appTimeZone());
	const [participation, entries] = await Promise.all([
		classParticipation(db, classId, weekStart(today)),
		classFeed(db, classId, addDays(today, -13), 150)
	]);
	return { cls: { id: header.id, name: header.name }, participation, entries };
};

export const actions: Actions = {
	void: async (event) => {
		const db = await getDb();
		const classId = parseId(event.params.classId);
		const { user } = await requireClassAccess(event, db, classId, ['teacher']);
		const raw = formObject(await event.request.formData());
		const parsed = voidEntrySchema.safeParse(raw);
		const entryId = Number(raw.entryId) || null;
		if (!parsed.success) return fail(400, { entryId, error: Object.values(fieldErrors(parsed.error))[0] ?? 'form.invalid' });
		const result = await voidEntryAs(db, user.id, parsed.data.entryId, parsed.data.reason, { classId });
		if (!result.ok) return fail(result.error === 'actions.void.forbidden' ? 403 : result.error === 'ledger.void.notFound' ? 404 : 400, { entryId, error: result.error });
		setFlash(event.cookies, 'actions.void.done');
		redirect(303, `/classes/${classId}/review`);
	}
};
