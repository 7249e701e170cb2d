import type { RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

type Event = Pick<RequestEvent, 'cookies' | 'url'>;

/**
 * Whether the app is served over https, from its origin (adapter-node derives `url` from ORIGIN
 * or PROTOCOL_HEADER): cookies are then Secure and responses carry HSTS.
 */
export function isHttps(event: Pick<RequestEvent, 'url'>): boolean {
	return event.url.protocol === 'https:';
}

/** HttpOnly, SameSite=Lax, Secure whenever the site is served over https. */
export function setSessionCookie(event: Event, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isHttps(event),
		expires: expiresAt
	});
}

export function deleteSessionCookie(event: Event): void {
	event.cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isHttps(event)
	});
}
