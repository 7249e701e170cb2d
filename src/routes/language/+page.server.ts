import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { languageSchema } from '$lib/schemas/auth';
import { setLocaleCookie } from '$lib/server/locale';
import { setUserLocale } from '$lib/server/people/accounts';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { setFlash } from '$lib/server/flash';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		const parsed = languageSchema.safeParse(await readForm(event));
		if (!parsed.success) return refuse(400, { message: msg('form.invalid') });
		setLocaleCookie(event, parsed.data.lang);
		if (event.locals.user) await setUserLocale(await getDb(), event.locals.user.id, parsed.data.lang);
		setFlash(event.cookies, 'lang.changed');
		redirect(303, safeRedirectTarget(parsed.data.redirectTo, event.url));
	}
};
