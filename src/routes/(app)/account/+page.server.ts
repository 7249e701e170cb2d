import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { changePasswordSchema } from '$lib/schemas/auth';
import { fieldErrors, formObject } from '$lib/schemas/common';
import { changePassword } from '$lib/server/people/accounts';
import { createSession, invalidateUserSessions } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { setFlash } from '$lib/server/flash';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { account: { username: user.username, roles: user.roles, locale: user.locale } };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const parsed = changePasswordSchema.safeParse(formObject(await event.request.formData()));
		if (!parsed.success) return refuse(400, { errors: fieldErrors(parsed.error) });
		const db = await getDb();
		const result = await changePassword(db, user.id, parsed.data.current, parsed.data.password);
		if (!result.ok) return refuse(400, { errors: { current: result.error } });
		// A new password ends every session, this one included; start a fresh one here.
		await invalidateUserSessions(db, user.id);
		const { token, expiresAt } = await createSession(db, user.id);
		setSessionCookie(event, token, expiresAt);
		setFlash(event.cookies, 'auth.password.changed');
		redirect(303, '/account');
	}
};
