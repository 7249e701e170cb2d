import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdult } from '$lib/server/access/routes';
import { listChildren } from '$lib/server/people/guardians';
import { redeemParentCode } from '$lib/server/people/parent-codes';
import { parentCodeSchema } from '$lib/schemas/trust';
import { fieldErrors, formObject, type FieldErrors } from '$lib/schemas/common';
import { CODE_LIMIT, codeKey, lockedFor, recordFailure } from '$lib/server/community/code-limit';
import { refillValues } from '$lib/server/form-values';
import { setFlash } from '$lib/server/flash';

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
		const form = formObject(await event.request.formData());
		const values = refillValues(form, ['code'], 24);
		const parsed = parentCodeSchema.safeParse(form);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const key = codeKey('parent', event.getClientAddress());
		if (await lockedFor(db, [key]))
			return fail(429, { values, errors: { code: 'structure.code.tooMany' } as FieldErrors });
		const res = await redeemParentCode(db, user.id, parsed.data.code);
		if (!res.ok) {
			await recordFailure(db, key, CODE_LIMIT);
			return fail(400, { values, errors: { code: res.error } as FieldErrors });
		}
		setFlash(event.cookies, res.already ? 'trust.parentCode.already' : 'trust.parentCode.linked');
		redirect(303, `/children/${res.studentId}`);
	}
};
