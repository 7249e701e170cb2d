import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeUser } from '../../../../tests/helpers/factories';
import { area, formReceipt } from './schema';
import { once, pruneReceipts, RECEIPT_TTL_MS } from './receipts';

const t = await createTestDb({ reference: false });
const areas = async () => (await t.db.select({ n: count() }).from(area))[0].n;

describe('once: a create or reset form writes at most once per key', () => {
	it('a repeat returns the first result and writes nothing; a new key writes again', async () => {
		const u = await makeUser(t.db);
		const make = (key: string) =>
			once(t.db, { actor: { userId: u.id }, form: 'area.create', key }, async (tx) => {
				const [row] = await tx
					.insert(area)
					.values({ nameVi: 'Phường', nameEn: 'Ward', kind: 'ward' })
					.returning();
				return { ok: true, id: row.id };
			});
		const before = await areas();
		const first = await make('key-aaaa-0001');
		const again = await make('key-aaaa-0001');
		expect(again).toEqual({ ...first, replayed: true });
		expect(await areas()).toBe(before + 1);
		await make('key-aaaa-0002');
		expect(await areas()).toBe(before + 2);
	});

	it('200 concurrent copies of one submission store one row', async () => {
		const u = await makeUser(t.db);
		const before = await areas();
		const results = await Promise.all(
			Array.from({ length: 200 }, () =>
				once(t.db, { actor: { userId: u.id }, form: 'area.create', key: 'key-burst-0001' }, async (tx) => {
					const [row] = await tx.insert(area).values({ nameVi: 'X', nameEn: 'X', kind: 'ward' }).returning();
					return { ok: true, id: row.id };
				})
			)
		);
		expect(await areas()).toBe(before + 1);
		expect(new Set(results.map((r) => r.id)).size).toBe(1);
	});

	it('a refusal rolls back what it wrote and keeps no receipt, so the corrected form can be sent again', async () => {
		const u = await makeUser(t.db);
		const before = await areas();
		const scope = { actor: { userId: u.id }, form: 'area.create', key: 'key-fail-0001' };
		const refused = await once(t.db, scope, async (tx) => {
			await tx.insert(area).values({ nameVi: 'Y', nameEn: 'Y', kind: 'ward' });
			return { ok: false, error: 'nope' };
		});
		expect(refused).toEqual({ ok: false, error: 'nope' });
		expect(await areas()).toBe(before);
		const ok = await once(t.db, scope, async () => ({ ok: true }));
		expect(ok).toEqual({ ok: true });
	});

	it('keys are per person and per form, and receipts are forgotten after a week', async () => {
		const [a, b] = [await makeUser(t.db), await makeUser(t.db)];
		const run = (userId: number, form: string) =>
			once(t.db, { actor: { userId }, form, key: 'shared-key-01' }, async () => ({ ok: true }));
		expect(await run(a.id, 'x')).toEqual({ ok: true });
		expect(await run(b.id, 'x')).toEqual({ ok: true });
		expect(await run(a.id, 'y')).toEqual({ ok: true });
		expect(await run(a.id, 'x')).toEqual({ ok: true, replayed: true });
		await pruneReceipts(t.db, Date.now() + RECEIPT_TTL_MS + 1000);
		expect(await t.db.select().from(formReceipt).where(eq(formReceipt.key, 'shared-key-01'))).toEqual([]);
	});
});
