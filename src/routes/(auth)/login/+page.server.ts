import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { loginSchema } from '$lib/schemas/auth';
import { fieldErrors, formObject } from '$lib/schemas/common';
import { authenticate } from '$lib/server/people/accounts';
import { createSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { LOGIN_LIMITS, clearLimit, lockedFor, loginKeys, recordFailure } from '$lib/server/auth/rate-limit';
import { msg } from '$lib/i18n/msg';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const form = formObject(await event.request.formData());
		const parsed = loginSchema.safeParse(form);
		const values = { username: typeof form.username === 'string' ? form.username.slice(0, 254) : '' };
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });

		const db = await getDb();
		const keys = loginKeys(parsed.data.username, event.getClientAddress());
		const locked = await lockedFor(db, [keys.account, keys.ip]);
		if (locked > 0) {
			return refuse(429, {
				values,
				message: msg('auth.login.locked'),
				params: { minutes: Math.ceil(locked / 60_000) }
			});
		}
		const userId = await authenticate(db, parsed.data.username, parsed.data.password);
		if (!userId) {
			await recordFailure(db, keys.account, LOGIN_LIMITS.account);
			await recordFailure(db, keys.ip, LOGIN_LIMITS.ip);
			return refuse(400, { values, message: msg('auth.login.invalid') });
		}
		await clearLimit(db, keys.account);
		const { token, expiresAt } = await createSession(db, userId);
		setSessionCookie(event, token, expiresAt);
		redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo')));
	}
};
