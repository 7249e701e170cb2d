import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import type { Client } from '@libsql/client';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeUser } from '../../../../tests/helpers/factories';
import * as schema from '$lib/server/db/schema';
import { session } from '$lib/server/db/schema';
import {
	ABSOLUTE_LIFETIME_MS,
	ACTIVITY_CHECK_INTERVAL_MS,
	INACTIVITY_TIMEOUT_MS,
	createSession,
	invalidateUserSessions,
	validateSessionToken
} from './session';

const t = await createTestDb();
const HOUR = 60 * 60 * 1000;

describe('sessions', () => {
	it('issues an id.secret token with ≥120 bits each and stores only a hash of the secret', async () => {
		const u = await makeUser(t.db, { roles: ['teacher'] });
		const { token } = await createSession(t.db, u.id);
		const [id, secret] = token.split('.');
		expect(id).toMatch(/^[a-z2-7]{32}$/);
		expect(secret).toMatch(/^[a-z2-7]{32}$/); // 32 × 5 = 160 bits
		const [row] = await t.db.select().from(session).where(eq(session.id, id));
		expect(row.secretHash.length).toBe(32);
		expect(Buffer.from(row.secretHash).toString('utf8')).not.toContain(secret);
		const valid = await validateSessionToken(t.db, token);
		expect(valid?.user).toMatchObject({ id: u.id, roles: ['teacher'] });
		expect(valid?.user).not.toHaveProperty('passwordHash');
	});

	it('rejects a wrong secret, a malformed token and an unknown id', async () => {
		const u = await makeUser(t.db);
		const { token } = await createSession(t.db, u.id);
		const [id] = token.split('.');
		expect(await validateSessionToken(t.db, `${id}.${'a'.repeat(32)}`)).toBeNull();
		expect(await validateSessionToken(t.db, 'garbage')).toBeNull();
		expect(await validateSessionToken(t.db, `${'b'.repeat(32)}.${'c'.repeat(32)}`)).toBeNull();
		expect(await validateSessionToken(t.db, 'x'.repeat(100_000))).toBeNull();
		expect(await validateSessionToken(t.db, token)).not.toBeNull();
	});

	it('writes lastVerifiedAt at most once an hour and expires after inactivity', async () => {
		const u = await makeUser(t.db);
		const start = Date.UTC(2026, 10, 1);
		const { token } = await createSession(t.db, u.id, start);
		const id = token.split('.')[0];
		const seen = async () =>
			(await t.db.select().from(session).where(eq(session.id, id)))[0]?.lastVerifiedAt.getTime();

		await validateSessionToken(t.db, token, start + ACTIVITY_CHECK_INTERVAL_MS - 1);
		expect(await seen()).toBe(start);
		await validateSessionToken(t.db, token, start + ACTIVITY_CHECK_INTERVAL_MS + 5);
		expect(await seen()).toBe(start + ACTIVITY_CHECK_INTERVAL_MS + 5);

		const last = start + ACTIVITY_CHECK_INTERVAL_MS + 5;
		expect(await validateSessionToken(t.db, token, last + INACTIVITY_TIMEOUT_MS - 1)).not.toBeNull();
		// That validation refreshed it; go idle for the whole timeout after it.
		const refreshed = (await seen())!;
		expect(await validateSessionToken(t.db, token, refreshed + INACTIVITY_TIMEOUT_MS)).toBeNull();
		expect(await seen()).toBeUndefined();
	});

	it('ends at the absolute lifetime however active', async () => {
		const u = await makeUser(t.db);
		const start = Date.UTC(2026, 0, 1);
		const { token } = await createSession(t.db, u.id, start);
		let now = start;
		while (now < start + ABSOLUTE_LIFETIME_MS - 2 * HOUR) {
			now += 24 * HOUR;
			expect(
				await validateSessionToken(t.db, token, Math.min(now, start + ABSOLUTE_LIFETIME_MS - HOUR))
			).not.toBeNull();
		}
		expect(await validateSessionToken(t.db, token, start + ABSOLUTE_LIFETIME_MS)).toBeNull();
	});

	it('reads the session, its user and their roles in one statement', async () => {
		const u = await makeUser(t.db, { roles: ['teacher', 'household'] });
		const { token } = await createSession(t.db, u.id, Date.UTC(2026, 3, 1));
		let statements = 0;
		const counting = new Proxy(t.client, {
			get(target, prop) {
				const value = Reflect.get(target, prop, target);
				if (typeof value !== 'function') return value;
				return (...args: unknown[]) => {
					statements += prop === 'batch' ? (args[0] as unknown[]).length : 1;
					return value.apply(target, args);
				};
			}
		}) as Client;
		const db = drizzle(counting, { schema });
		const result = await validateSessionToken(db, token, Date.UTC(2026, 3, 1) + 60_000);
		expect(result?.user).toMatchObject({ id: u.id, roles: ['household', 'teacher'] });
		expect(statements).toBe(1);
		const loner = await makeUser(t.db, { roles: [] });
		const other = await createSession(t.db, loner.id);
		expect((await validateSessionToken(t.db, other.token))?.user.roles).toEqual([]);
	});

	it('says when the expiry moved, so the cookie is rewritten only then', async () => {
		const u = await makeUser(t.db);
		const start = Date.UTC(2026, 4, 1);
		const { token } = await createSession(t.db, u.id, start);
		const quiet = await validateSessionToken(t.db, token, start + 60_000);
		expect(quiet).toMatchObject({ renewed: false });
		expect(quiet?.session.expiresAt.getTime()).toBe(start + INACTIVITY_TIMEOUT_MS);
		const later = start + ACTIVITY_CHECK_INTERVAL_MS + 1;
		const moved = await validateSessionToken(t.db, token, later);
		expect(moved).toMatchObject({ renewed: true });
		expect(moved?.session.expiresAt.getTime()).toBe(later + INACTIVITY_TIMEOUT_MS);
	});

	it('invalidates all of a user’s sessions', async () => {
		const u = await makeUser(t.db);
		const a = await createSession(t.db, u.id);
		const b = await createSession(t.db, u.id);
		await invalidateUserSessions(t.db, u.id);
		expect(await validateSessionToken(t.db, a.token)).toBeNull();
		expect(await validateSessionToken(t.db, b.token)).toBeNull();
	});
});
