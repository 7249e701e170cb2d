import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { parseId, requireHouseholdAccess } from '$lib/server/auth/scoped';
import { getHouseholdHeader } from '$lib/server/community/groups';
import { setFlash } from '$lib/server/flash';
import {
	decideStudentLink,
	getHouseholdCode,
	listMembers,
	rotateHouseholdCode
} from '$lib/server/community/households';
import { qrPath } from '$lib/server/playground/qr';
import { formKey, readForm } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';

async function access(event: RequestEvent, allowed: ('adult' | 'student' | 'organiser')[]) {
	const db = await getDb();
	const householdId = parseId(event.params.householdId);
	const { user, relation } = await requireHouseholdAccess(event, db, householdId, allowed);
	return { db, householdId, user, relation };
}

export const load: PageServerLoad = async (event) => {
	const { db, householdId, relation } = await access(event, ['adult', 'student', 'organiser']);
	const header = await getHouseholdHeader(db, householdId);
	if (!header) error(404, { message: 'error.404' });
	const code = relation === 'adult' ? await getHouseholdCode(db, householdId) : null;
	return {
		household: header,
		members: await listMembers(db, householdId),
		// The code lets people in: only the household's adults see and change it.
		code,
		// Stewards scan this at the collection point to credit the household.
		qr: code ? qrPath(code) : null,
		canApprove: relation === 'adult',
		idempotencyKey: crypto.randomUUID()
	};
};

async function decide(event: RequestEvent, approve: boolean) {
	const { db, householdId, user } = await access(event, ['adult']);
	const form = await readForm(event);
	const studentId = parseId(form.userId as string | undefined);
	if (!(await decideStudentLink(db, householdId, studentId, user.id, approve)))
		return fail(404, { error: 'structure.members.notPending' });
	return { done: approve ? 'structure.members.approved' : 'structure.members.declined' };
}

export const actions: Actions = {
	approve: (event) => decide(event, true),
	decline: (event) => decide(event, false),
	rotate: async (event) => {
		const { db, householdId, user } = await access(event, ['adult']);
		const key = formKey(await readForm(event));
		await once(
			db,
			{ actor: { userId: user.id }, form: `household.rotate:${householdId}`, key },
			async (tx) => ({
				ok: true,
				code: await rotateHouseholdCode(tx, householdId)
			})
		);
		setFlash(event.cookies, 'structure.members.rotated');
		redirect(303, `/households/${householdId}/members`);
	}
};
