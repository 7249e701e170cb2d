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

/** Only same-origin paths are accepted as post-login destinations. */
export function safeRedirectTarget(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\'))
		return fallback;
	return target;
}
