import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { signupSchema } from '$lib/schemas/auth';
import { fieldErrors, formObject } from '$lib/schemas/common';
import { signUpAdult } from '$lib/server/people/accounts';
import { createSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { setFlash } from '$lib/server/flash';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
	return {};
};

function refill(form: Record<string, string | string[]>) {
	const pick = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).slice(0, 254) : '');
	return {
		displayName: pick('displayName'),
		nickname: pick('nickname'),
		email: pick('email'),
		role: pick('role')
	};
}

export const actions: Actions = {
	default: async (event) => {
		const form = formObject(await event.request.formData());
		const parsed = signupSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { values: refill(form), errors: fieldErrors(parsed.error) });
		const db = await getDb();
		const result = await signUpAdult(db, parsed.data, event.locals.locale);
		if (!result.ok) return refuse(400, { values: refill(form), errors: { email: result.error } });
		const { token, expiresAt } = await createSession(db, result.userId);
		setSessionCookie(event, token, expiresAt);
		setFlash(event.cookies, 'auth.signup.done');
		redirect(303, '/');
	}
};
