import { describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeUser } from '../../../../tests/helpers/factories';
import { fakeCookies } from '../../../../tests/helpers/events';
import { ACTIVITY_CHECK_INTERVAL_MS, SESSION_COOKIE, createSession } from './session';

const t = await createTestDb();
vi.mock('$lib/server/db', () => ({ getDb: async () => t.db }));
const { authHandle } = await import('./handle');

/** Runs the session hook for a GET / with this session cookie; returns what they wrote. */
async function request(token: string) {
	const cookies = fakeCookies({ [SESSION_COOKIE]: token });
	const url = new URL('http://localhost/');
	const event = { cookies, url, locals: {}, request: new Request(url) };
	await authHandle({ event: event as never, resolve: async () => new Response('ok') });
	return { cookies, locals: event.locals as App.Locals };
}

describe('the session hook', () => {
	it('signs the person in and rewrites the cookie only when the session’s expiry moves', async () => {
		const u = await makeUser(t.db, { roles: ['teacher'] });
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			const start = Date.UTC(2026, 5, 1);
			vi.setSystemTime(start);
			const { token } = await createSession(t.db, u.id);

			vi.setSystemTime(start + 60_000);
			const quiet = await request(token);
			expect(quiet.locals.user).toMatchObject({ id: u.id, roles: ['teacher'] });
			expect(quiet.cookies.written).toEqual([]);

			vi.setSystemTime(start + ACTIVITY_CHECK_INTERVAL_MS + 1);
			const renewed = await request(token);
			expect(renewed.cookies.written.map((c) => c.name)).toEqual([SESSION_COOKIE]);
		} finally {
			vi.useRealTimers();
		}
	});

	it('deletes a cookie that names no session', async () => {
		const { cookies, locals } = await request('a'.repeat(32) + '.' + 'b'.repeat(32));
		expect(locals.user).toBeNull();
		expect(cookies.deleted).toEqual([SESSION_COOKIE]);
	});
});
