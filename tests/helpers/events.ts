import type { Role } from '../../src/lib/domain/roles';

/** Who a fake request is from: a row made by the factories. */
export type EventUser = { id: number; username: string; nickname: string; displayName: string };

/** A cookie jar that records what a handler set and deleted. */
export function fakeCookies(initial: Record<string, string> = {}) {
	const jar = new Map(Object.entries(initial));
	const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
	const deleted: string[] = [];
	return {
		set: (name: string, value: string, options: Record<string, unknown> = {}) => {
			set.push({ name, value, options });
			jar.set(name, value);
		},
		get: (name: string) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		delete: (name: string) => {
			deleted.push(name);
			jar.delete(name);
		},
		serialize: () => '',
		/** What was written, in order. */
		written: set,
		deleted
	};
}

/**
 * A request event for calling a load, action or endpoint directly: signed in as `user` with
 * `roles` (or signed out with null), route `params`, a POST with `form` when given (repeated
 * names as arrays; an idempotency key is added, as pages give create and reset forms one), and an
 * optional query string (`?a=1`).
 */
export function requestEvent(
	user: EventUser | null,
	roles: Role[],
	params: Record<string, string> = {},
	form?: Record<string, string | string[]>,
	search = ''
) {
	const url = new URL(`http://localhost/x${search}`);
	const body = new FormData();
	const fields = { idempotencyKey: crypto.randomUUID(), ...form };
	for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
	return {
		locals: {
			user: user && { ...user, locale: 'vi', roles },
			locale: 'vi',
			session: null,
			device: { id: 'testdevice', fresh: false }
		},
		url,
		params,
		request: new Request(url, form ? { method: 'POST', body } : undefined),
		cookies: fakeCookies(),
		getClientAddress: () => '203.0.113.9'
	} as never;
}

// Loads, actions and endpoints are typed for SvelteKit's own events; tests call them directly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHandler = (event: any) => Promise<unknown> | unknown;

/** Calls a load, action or endpoint with a fake event. */
export const call = (handler: unknown, event: unknown) => (handler as AnyHandler)(event);
