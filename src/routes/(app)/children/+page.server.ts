import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdult } from '$lib/server/access/routes';
import { listChildren } from '$lib/server/people/guardians';
import { redeemParentCode } from '$lib/server/people/parent-codes';
import { parentCodeSchema } from '$lib/schemas/trust';
import { fieldErrors } from '$lib/schemas/common';
import { codeRequester, throttleCode } from '$lib/server/auth/code-throttle';
import { readForm, refillValues } from '$lib/server/form-values';
import { setFlash } from '$lib/server/flash';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

// Guardians are adults: a student account has no children page.
export const load: PageServerLoad = async (event) => {
	const { db, user } = await requireAdult(event);
	return {
		children: await listChildren(db, user.id),
		// The letter's QR opens this page with its code filled in; linking still takes a tap.
		code: (event.url.searchParams.get('code') ?? '').slice(0, 24)
	};
};

export const actions: Actions = {
	/** The code from the teacher's parent letter makes this adult the child's guardian. */
	redeem: async (event) => {
		const { db, user } = await requireAdult(event);
		const form = await readForm(event);
		const values = refillValues(form, ['code'], 24);
		const parsed = parentCodeSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });
		const tried = await throttleCode(
			db,
			codeRequester(event),
			() => redeemParentCode(db, user.id, parsed.data.code),
			(r) => !r.ok
		);
		if (tried.throttled) return refuse(429, { values, errors: { code: msg('structure.code.tooMany') } });
		const res = tried.result;
		if (!res.ok) return refuse(400, { values, errors: { code: res.error } });
		setFlash(event.cookies, res.already ? 'trust.parentCode.already' : 'trust.parentCode.linked');
		redirect(303, `/children/${res.studentId}`);
	}
};
