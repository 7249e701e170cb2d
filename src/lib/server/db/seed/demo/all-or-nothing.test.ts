import { describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { createTestDb } from '../../../../../../tests/helpers/db';
import type { Db } from '../../client';
import { ledgerEntry, pledge, user } from '../../schema';
import { seedDemoData } from './index';

const t = await createTestDb();
const rows = async (db: Db, table: typeof user | typeof ledgerEntry | typeof pledge) =>
	(await db.select({ n: count() }).from(table))[0].n;
const n = (table: typeof user | typeof ledgerEntry | typeof pledge) => rows(t.db, table);

describe('the demo seed is all or nothing', () => {
	it('a failure part-way (here: the pledges seeder, after structure, boards and playground) leaves nothing, and the next start seeds it all', async () => {
		// A fault injected in the real database: the first pledge insert fails.
		await t.db.run(
			sql`create trigger fail_pledge before insert on pledge begin select raise(abort, 'disk went away'); end`
		);
		await expect(seedDemoData(t.db)).rejects.toThrow(/insert into "pledge"/);
		expect(await n(user)).toBe(0);
		expect(await n(ledgerEntry)).toBe(0);

		await t.db.run(sql`drop trigger fail_pledge`);
		const now = new Date();
		expect(await seedDemoData(t.db, now)).toBe(true);
		// All of it: the same rows as a seed that never failed, on a database of its own.
		const clean = await createTestDb();
		expect(await seedDemoData(clean.db, now)).toBe(true);
		for (const table of [user, pledge, ledgerEntry]) expect(await n(table)).toBe(await rows(clean.db, table));
		expect(await n(user)).toBeGreaterThan(20);
		expect(await seedDemoData(t.db)).toBe(false);
		// A hang guard, not a speed check: this seeds the demo about twice (the actions and models
		// seeders are most of it), which passed 30 s on a crowded 2-core machine.
	}, 240_000);
});
