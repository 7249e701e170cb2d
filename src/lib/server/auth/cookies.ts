import type { RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

type Event = Pick<RequestEvent, 'cookies' | 'url'>;

/** HttpOnly, SameSite=Lax, Secure whenever the site is served over https. */
export function setSessionCookie(event: Event, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: expiresAt
	});
}

export function deleteSessionCookie(event: Event): void {
	event.cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:'
	});
}
