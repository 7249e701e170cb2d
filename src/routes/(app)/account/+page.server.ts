import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { changePasswordSchema } from '$lib/schemas/auth';
import { fieldErrors } from '$lib/schemas/common';
import { changePassword } from '$lib/server/people/accounts';
import { setFlash } from '$lib/server/flash';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		account: { username: user.username, roles: user.roles, locale: user.locale },
		idempotencyKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const parsed = changePasswordSchema.safeParse(await readForm(event));
		if (!parsed.success) return refuse(400, { errors: fieldErrors(parsed.error) });
		// A new password ends every other session; this one (made at sign-in) stays.
		const result = await changePassword(
			await getDb(),
			user.id,
			parsed.data,
			event.locals.session?.id ?? null
		);
		if (!result.ok) return refuse(400, { errors: { current: result.error } });
		setFlash(event.cookies, 'auth.password.changed');
		redirect(303, '/account');
	}
};
