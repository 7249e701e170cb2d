import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import type { Db } from '../../src/lib/server/db/client';
import { createSession, validateSessionToken, type SessionUser } from '../../src/lib/server/auth/session';
import { fakeCookies } from './events';

/** The signed-in user as the real session code puts it on `locals` (roles read from the database). */
export async function sessionUser(db: Db, userId: number): Promise<SessionUser> {
	const { token } = await createSession(db, userId);
	const found = await validateSessionToken(db, token);
	if (!found) throw new Error(`no session for user ${userId}`);
	return found.user;
}

export interface EventInit {
	user?: SessionUser | null;
	params?: Record<string, string>;
	/** Form fields for an action (repeated names as arrays; an idempotency key is added); a POST when given. */
	form?: Record<string, string | string[]>;
	/** Query string, with or without the leading "?". */
	search?: string;
	path?: string;
	ip?: string;
}

/**
 * A request event close enough to SvelteKit's for a load, action or endpoint to run unchanged
 * (events.ts's `requestEvent` with what a route may also touch): locals from a real session, a
 * real Request with the form, cookies that remember what is set.
 */
export function routeEvent(init: EventInit = {}) {
	const q = init.search ? (init.search.startsWith('?') ? init.search : `?${init.search}`) : '';
	const url = new URL(`http://localhost${init.path ?? '/x'}${q}`);
	let request: Request;
	if (init.form) {
		const body = new FormData();
		// Pages give create and reset forms an idempotency key; a test that wants none sets it to ''.
		const fields = { idempotencyKey: crypto.randomUUID(), ...init.form };
		for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
		request = new Request(url, { method: 'POST', body });
	} else request = new Request(url);
	return {
		locals: {
			user: init.user ?? null,
			session: null,
			locale: 'vi',
			device: { id: 'testdevice', fresh: false }
		},
		url,
		params: init.params ?? {},
		request,
		route: { id: init.path ?? '/x' },
		cookies: fakeCookies(),
		getClientAddress: () => init.ip ?? '203.0.113.9',
		setHeaders: () => {},
		depends: () => {},
		untrack: <T>(fn: () => T) => fn(),
		parent: async () => ({}),
		fetch: globalThis.fetch,
		isDataRequest: false,
		isSubRequest: false,
		platform: undefined
	} as never;
}

/** What a handler did, in the terms the matrix and the guard tests compare. */
export type Outcome = 'ok' | 'login' | number;

export interface Ran {
	outcome: Outcome;
	/** The returned data (load or action), the failure's data, or the Response. */
	value: unknown;
	location?: string;
}

/**
 * Runs a load, action or endpoint. A redirect to the login page is 'login', any other redirect
 * 'ok'; a thrown error or a returned `fail()` is its status; a Response is 'ok' when 2xx.
 */
export async function run(fn: unknown, event: unknown): Promise<Ran> {
	try {
		// Handlers are typed for SvelteKit's own events; here they get the stand-in above.
		const value = await (fn as (e: unknown) => unknown)(event);
		if (isActionFailure(value)) return { outcome: value.status, value: value.data };
		if (value instanceof Response) return { outcome: value.status < 300 ? 'ok' : value.status, value };
		return { outcome: 'ok', value };
	} catch (e) {
		if (isRedirect(e))
			return { outcome: e.location.startsWith('/login') ? 'login' : 'ok', value: null, location: e.location };
		if (isHttpError(e)) return { outcome: e.status, value: e.body };
		throw e;
	}
}
