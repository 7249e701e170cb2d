import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { signupSchema } from '$lib/schemas/auth';
import { fieldErrors } from '$lib/schemas/common';
import { readForm, refillValues } from '$lib/server/form-values';
import { signUpAdult } from '$lib/server/people/accounts';
import { setFlash } from '$lib/server/flash';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event);
		const parsed = signupSchema.safeParse(form);
		if (!parsed.success)
			return refuse(400, {
				values: refillValues(form, ['displayName', 'nickname', 'email', 'role'], 254),
				errors: fieldErrors(parsed.error)
			});
		// A new e-mail gets an account, a registered one does not; both answers (and their timing:
		// one password hash each) are the same, so this form cannot tell who has an account here.
		await signUpAdult(await getDb(), parsed.data, event.locals.locale);
		setFlash(event.cookies, 'auth.signup.next');
		redirect(303, `/login?username=${encodeURIComponent(parsed.data.email)}`);
	}
};
