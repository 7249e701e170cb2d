import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '$lib/domain/roles';
import type { SessionUser } from './session';

type Event = Pick<RequestEvent, 'locals' | 'url'>;

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export function requireUser(event: Event): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	return user;
}

/** The signed-in user if they hold at least one of `roles`; 403 otherwise. */
export function requireRole(event: Event, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!roles.some((r) => user.roles.includes(r))) error(403, { message: 'error.403' });
	return user;
}

export function hasRole(user: SessionUser | null | undefined, role: Role): boolean {
	return !!user?.roles.includes(role);
}

/**
 * The one check for a redirect target that comes from a request (`redirectTo` on /login and
 * /language): the target is resolved against the app's origin and kept only when it stays on that
 * origin, as a path. Control characters (a browser drops a tab or newline, so `/<TAB>/evil` becomes
 * `//evil`), backslashes (read as `/`) and anything that resolves to `//host` fall back, encoded
 * or not.
 */
export function safeRedirectTarget(target: unknown, origin: URL | string, fallback = '/'): string {
	if (typeof target !== 'string' || !target.startsWith('/') || target.length > 2000) return fallback;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f-\u009f\\]/.test(target)) return fallback;
	let decoded = target;
	try {
		for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(decoded); i++) decoded = decodeURIComponent(decoded);
	} catch {
		return fallback;
	}
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f-\u009f\\]/.test(decoded) || decoded.startsWith('//')) return fallback;
	const base = new URL(origin);
	let url: URL;
	try {
		url = new URL(target, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base.origin) return fallback;
	const path = url.pathname + url.search + url.hash;
	return path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}
