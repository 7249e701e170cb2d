import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { isStudentAccount } from '$lib/server/access/grants';
import { codeSchema, householdSchema } from '$lib/schemas/structure';
import { fieldErrors } from '$lib/schemas/common';
import {
	createHousehold,
	joinHouseholdByCode,
	listNeighbourhoods,
	myHousehold
} from '$lib/server/community/households';
import { leaveHousehold } from '$lib/server/community/household-requests';
import { codeRequester, throttleCode } from '$lib/server/auth/code-throttle';
import { formKey, readForm, refillValues } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';
import { setFlash } from '$lib/server/flash';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	return {
		mine: await myHousehold(db, user.id),
		neighbourhoods: await listNeighbourhoods(db),
		isStudent: await isStudentAccount(db, user.id),
		// A join link's QR carries the code; the form only fills it in (asking still takes a tap).
		code: (event.url.searchParams.get('code') ?? '').slice(0, 20),
		idempotencyKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	create: async (event) => {
		// Any adult may start a household (a teacher is often a parent too); the rule refuses students.
		const user = requireUser(event);
		const form = await readForm(event);
		const key = formKey(form);
		const values = refillValues(form, ['neighbourhoodId', 'displayName', 'kind'], 100);
		const parsed = householdSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { form: 'create', values, errors: fieldErrors(parsed.error) });
		const res = await once(
			await getDb(),
			{ actor: { userId: user.id }, form: 'household.create', key },
			(tx) => createHousehold(tx, user.id, parsed.data)
		);
		if (!res.ok)
			return refuse(res.error === 'trust.grant.studentAccount' ? 403 : 400, {
				form: 'create',
				values,
				errors: { [res.field]: res.error }
			});
		setFlash(event.cookies, 'structure.household.created');
		redirect(303, `/households/${res.householdId}/members`);
	},
	join: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event);
		const values = refillValues(form, ['code'], 20);
		const parsed = codeSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { form: 'join', values, errors: fieldErrors(parsed.error) });
		const db = await getDb();
		const tried = await throttleCode(
			db,
			codeRequester(event),
			() => joinHouseholdByCode(db, user, parsed.data.code),
			(r) => !r.ok && r.error === 'structure.code.badHousehold'
		);
		if (tried.throttled)
			return refuse(429, { form: 'join', values, errors: { code: msg('structure.code.tooMany') } });
		const res = tried.result;
		if (!res.ok) return refuse(400, { form: 'join', values, errors: { code: res.error } });
		setFlash(event.cookies, 'structure.household.pendingJoined');
		redirect(303, '/households');
	},
	/** Withdraws one's own request, or leaves the household. */
	leave: async (event) => {
		const user = requireUser(event);
		if (!(await leaveHousehold(await getDb(), user.id)))
			return refuse(404, {
				form: 'leave',
				values: {},
				errors: { _: msg('trust.household.nothingToLeave') }
			});
		setFlash(event.cookies, 'trust.household.left');
		redirect(303, '/households');
	}
};
