import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { joinClassSchema } from '$lib/schemas/structure';
import { fieldErrors } from '$lib/schemas/common';
import { joinClassByCode } from '$lib/server/people/students';
import { codeRequester, throttleCode } from '$lib/server/auth/code-throttle';
import { deviceHash } from '$lib/server/auth/device';
import { createSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { readForm, refillValues } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

// Public: a student has no account yet when they first type the class code.
export const load: PageServerLoad = ({ url, locals }) => {
	return {
		code: (url.searchParams.get('code') ?? '').slice(0, 20),
		signedIn: !!locals.user,
		idempotencyKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.user)
			return refuse(400, {
				values: {},
				errors: { _: msg('structure.join.signedIn') }
			});
		const form = await readForm(event);
		const values = refillValues(form, ['code', 'displayName', 'nickname'], 100);
		const parsed = joinClassSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });
		const db = await getDb();
		const tried = await throttleCode(
			db,
			codeRequester(event),
			() =>
				joinClassByCode(db, parsed.data, event.locals.locale, {
					deviceHash: deviceHash(event.locals.device.id)
				}),
			(r) => !r.ok && r.field === 'code'
		);
		if (tried.throttled) return refuse(429, { values, errors: { code: msg('structure.code.tooMany') } });
		const res = tried.result;
		if (!res.ok) return refuse(400, { values, errors: { [res.field]: res.error } });
		const { token, expiresAt } = await createSession(db, res.userId);
		setSessionCookie(event, token, expiresAt);
		redirect(303, '/join/welcome');
	}
};
