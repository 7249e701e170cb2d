import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { setFlash } from '$lib/server/flash';

// Signing out changes state, so GET only sends people home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.session) await invalidateSession(await getDb(), event.locals.session.id);
		deleteSessionCookie(event);
		setFlash(event.cookies, 'auth.logout.done');
		redirect(303, '/');
	}
};
