import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { loginSchema } from '$lib/schemas/auth';
import { fieldErrors } from '$lib/schemas/common';
import { readForm } from '$lib/server/form-values';
import { signIn } from '$lib/server/auth/sign-in';
import { createSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), url));
	// Sign-up ends here with the e-mail filled in (it never says whether the account is new).
	return { username: (url.searchParams.get('username') ?? '').slice(0, 254) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event);
		const parsed = loginSchema.safeParse(form);
		const values = { username: typeof form.username === 'string' ? form.username.slice(0, 254) : '' };
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });

		const db = await getDb();
		const result = await signIn(db, {
			...parsed.data,
			deviceId: event.locals.device.id,
			address: event.getClientAddress()
		});
		if (!result.ok) {
			if (result.error === 'auth.login.locked')
				return refuse(429, { values, message: result.error, params: { minutes: result.minutes } });
			return refuse(400, { values, message: result.error });
		}
		const { token, expiresAt } = await createSession(db, result.userId);
		setSessionCookie(event, token, expiresAt);
		redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo'), event.url));
	}
};
