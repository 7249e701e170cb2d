import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { joinClassSchema } from '$lib/schemas/structure';
import { fieldErrors, formObject } from '$lib/schemas/common';
import { joinClassByCode } from '$lib/server/people/students';
import { CODE_LIMIT, codeKey, lockedFor, recordFailure } from '$lib/server/community/code-limit';
import { createSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { refillValues } from '$lib/server/form-values';
import { msg } from '$lib/i18n/msg';
import { refuse } from '$lib/server/refuse';

// Public: a student has no account yet when they first type the class code.
export const load: PageServerLoad = ({ url, locals }) => {
	return { code: (url.searchParams.get('code') ?? '').slice(0, 20), signedIn: !!locals.user };
};

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.user)
			return refuse(400, {
				values: {} as Record<string, string>,
				errors: { _: msg('structure.join.signedIn') }
			});
		const form = formObject(await event.request.formData());
		const values = refillValues(form, ['code', 'displayName', 'nickname'], 100);
		const parsed = joinClassSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });
		const db = await getDb();
		const key = codeKey('class', event.getClientAddress());
		if (await lockedFor(db, [key]))
			return refuse(429, { values, errors: { code: msg('structure.code.tooMany') } });
		const res = await joinClassByCode(db, parsed.data, event.locals.locale);
		if (!res.ok) {
			if (res.field === 'code') await recordFailure(db, key, CODE_LIMIT);
			return refuse(400, { values, errors: { [res.field]: res.error } });
		}
		const { token, expiresAt } = await createSession(db, res.userId);
		setSessionCookie(event, token, expiresAt);
		redirect(303, '/join/welcome');
	}
};
