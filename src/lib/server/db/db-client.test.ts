import { describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { action, area, communityModel, impactFactor } from './schema';
import { seedReferenceData } from './seed/reference';
import { COMMUNITY_MODELS } from './seed/reference-places';
import { seedDemoData, demoEnabled } from './seed/demo';

const t = await createTestDb();

describe('database client', () => {
	it('uses WAL, foreign keys, synchronous FULL and a busy timeout on pooled and transaction connections', async () => {
		const check = async (run: (q: string) => Promise<unknown[]>) => ({
			journal: await run('PRAGMA journal_mode'),
			fk: await run('PRAGMA foreign_keys'),
			sync: await run('PRAGMA synchronous'),
			busy: await run('PRAGMA busy_timeout')
		});
		const expected = {
			journal: [{ journal_mode: 'wal' }],
			fk: [{ foreign_keys: 1 }],
			sync: [{ synchronous: 2 }],
			busy: [{ timeout: 5000 }]
		};
		expect(await check(async (q) => (await t.client.execute(q)).rows.map((r) => ({ ...r })))).toEqual(
			expected
		);
		const tx = await t.client.transaction('write');
		try {
			expect(await check(async (q) => (await tx.execute(q)).rows.map((r) => ({ ...r })))).toEqual(expected);
			// While the transaction holds its connection, the client opens another: check it too.
			expect(await check(async (q) => (await t.client.execute(q)).rows.map((r) => ({ ...r })))).toEqual(
				expected
			);
		} finally {
			await tx.rollback();
		}
	});

	it('enforces foreign keys inside drizzle transactions', async () => {
		await expect(
			t.db.transaction(async (tx) => {
				await tx.run(sql`insert into school (name, area_id) values ('x', 999999)`);
			})
		).rejects.toThrow();
	});
});

describe('reference data', () => {
	it('seeds the 12 LSPP models with the exact Vietnamese names, and is idempotent', async () => {
		const before = {
			areas: (await t.db.select({ n: count() }).from(area))[0].n,
			models: (await t.db.select({ n: count() }).from(communityModel))[0].n,
			factors: (await t.db.select({ n: count() }).from(impactFactor))[0].n,
			actions: (await t.db.select({ n: count() }).from(action))[0].n
		};
		expect(before.models).toBe(12);
		expect(before.actions).toBe(8);
		await seedReferenceData(t.db);
		await seedReferenceData(t.db);
		const after = {
			areas: (await t.db.select({ n: count() }).from(area))[0].n,
			models: (await t.db.select({ n: count() }).from(communityModel))[0].n,
			factors: (await t.db.select({ n: count() }).from(impactFactor))[0].n,
			actions: (await t.db.select({ n: count() }).from(action))[0].n
		};
		expect(after).toEqual(before);
		const names = (await t.db.select({ nameVi: communityModel.nameVi }).from(communityModel)).map(
			(r) => r.nameVi
		);
		expect(names).toContain('Mô hình Khu phố ẩm thực xanh Tống Duy Tân – ngõ Cấm Chỉ');
		expect(names).toContain('Mô hình giảm nhựa tại chợ Hàn');
		expect(new Set(names).size).toBe(COMMUNITY_MODELS.length);
	});

	// The whole demo (12 models with weeks of history) takes a while on a busy machine: no time limit decides this.
	it('demo data is seeded once, and off in production unless asked for', { timeout: 180_000 }, async () => {
		expect(demoEnabled(undefined, 'production')).toBe(false);
		expect(demoEnabled('on', 'production')).toBe(true);
		expect(demoEnabled('off', 'development')).toBe(false);
		expect(demoEnabled(undefined, undefined)).toBe(true);
		expect(await seedDemoData(t.db)).toBe(true);
		expect(await seedDemoData(t.db)).toBe(false);
	});
});
