import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { MIGRATIONS } from '../helpers/db';
import { makeClass, makeHousehold, makeUser } from '../helpers/factories';
import { openDatabase } from '../../src/lib/server/db/startup';
import type { DbHandle } from '../../src/lib/server/db/client';
import { seedReferenceData } from '../../src/lib/server/db/seed/reference';
import { formReceipt, ledgerEntry, rollup } from '../../src/lib/server/db/schema';
import { once } from '../../src/lib/server/db/receipts';
import { appendEntry, getTotals, voidEntry } from '../../src/lib/server/ledger/ledger';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { limit, lockedFor, recordFailure, LIMITS } from '../../src/lib/server/auth/rate-limit';
import { signingKey } from '../../src/lib/server/auth/secret';

/**
 * The data layer against a libSQL server (sqld, Turso), where transactions are interactive over the
 * network and there is no in-process write queue. Runs only when TEST_DATABASE_URL is set, e.g.
 *   TEST_DATABASE_URL=http://127.0.0.1:8080 npx vitest run tests/unit/data-layer-server.test.ts
 * (TEST_DATABASE_AUTH_TOKEN for Turso). Point it at an empty, throwaway database: it migrates it
 * and adds rows under unique names, so it may be run again on the same one.
 */
const url = process.env.TEST_DATABASE_URL ?? '';
const title = url
	? `the data layer on ${url.replace(/\?.*$/, '')}`
	: 'the data layer on a libSQL server — SKIPPED: set TEST_DATABASE_URL=libsql://… (or http://, ws://) to run it';
// Said once in the run's output as well as in the (skipped) suite's title.
if (!url) console.info(`${title}`);
const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

describe.skipIf(!url)(title, () => {
	let handle: DbHandle;
	afterAll(() => handle?.close());

	it('opens, checks and migrates, and seeds reference data idempotently', async () => {
		handle = await openDatabase({ url, authToken: process.env.TEST_DATABASE_AUTH_TOKEN }, MIGRATIONS);
		await seedReferenceData(handle.db);
		await seedReferenceData(handle.db);
	});

	it('writes ledger entries and their rollups in one transaction; a void reverses both', async () => {
		const db = handle.db;
		const student = await makeUser(db, { roles: ['student'], username: `srv-student-${tag}` });
		const parent = await makeUser(db, { roles: ['household'], username: `srv-parent-${tag}` });
		const cls = await makeClass(db, { studentIds: [student.id] });
		const hh = await makeHousehold(db, { adultIds: [parent.id], studentIds: [student.id] });
		const e = await db.transaction((tx) =>
			appendEntry(tx, {
				localDay: '2026-11-20',
				points: 7,
				sourceKind: 'action',
				actorId: student.id,
				personId: student.id,
				classId: cls.id,
				householdId: hh.id,
				idempotencyKey: `srv-${tag}`
			})
		);
		expect((await getTotals(db, 'class', cls.id)).points).toBe(7);
		const [all] = await db
			.select()
			.from(rollup)
			.where(and(eq(rollup.scopeKind, 'household'), eq(rollup.scopeId, hh.id), eq(rollup.periodKind, 'all')));
		expect(all.points).toBe(7);
		const v = await db.transaction((tx) =>
			voidEntry(tx, { entryId: e.id, actorId: parent.id, reason: 'thử' })
		);
		expect(v.ok).toBe(true);
		expect((await getTotals(db, 'class', cls.id)).points).toBe(0);
		expect(await db.select().from(ledgerEntry).where(eq(ledgerEntry.reverses, e.id))).toHaveLength(1);
	});

	it('shares sessions, throttles and the signing key through the database', async () => {
		const db = handle.db;
		const u = await makeUser(db, { username: `srv-adult-${tag}` });
		const { token } = await createSession(db, u.id);
		expect((await validateSessionToken(db, token))?.user.id).toBe(u.id);
		const l = limit('account', `srv-${tag}`);
		const now = Date.now();
		for (let i = 0; i < LIMITS.account.max; i++) await recordFailure(db, [l], now);
		expect(await lockedFor(db, [l], now)).toBeGreaterThan(0);
		expect((await signingKey(db)).length).toBe(32);
	});

	it('a form sent again (and five at once) writes once', async () => {
		const db = handle.db;
		const u = await makeUser(db, { username: `srv-organiser-${tag}` });
		const scope = { actor: { userId: u.id }, form: 'server.test', key: `srv-key-${tag}` };
		const results = await Promise.allSettled(
			Array.from({ length: 5 }, () => once(db, scope, async () => ({ ok: true, at: tag })))
		);
		// A server may refuse an overlapping write transaction (busy) instead of queueing it; none may double.
		expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
		expect(await once(db, scope, async () => ({ ok: true, at: 'second' }))).toEqual({
			ok: true,
			at: tag,
			replayed: true
		});
		const rows = await db
			.select()
			.from(formReceipt)
			.where(and(eq(formReceipt.actor, `u:${u.id}`), eq(formReceipt.key, scope.key)));
		expect(rows).toHaveLength(1);
	});
});
