import type { Handle } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { SESSION_COOKIE, validateSessionToken } from './session';
import { deleteSessionCookie, setSessionCookie } from './cookies';

/** Puts the signed-in person (or null) on `locals`; ends the cookie of an unknown session. */
export const authHandle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const result = await validateSessionToken(await getDb(), token);
		if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			// The cookie's expiry only moves when the session's does (at most once an hour).
			if (result.renewed) setSessionCookie(event, token, result.session.expiresAt);
		} else {
			deleteSessionCookie(event);
		}
	}
	return resolve(event);
};
