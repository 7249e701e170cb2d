import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld } from '../../../../tests/helpers/factories';
import { ledgerEntry } from '$lib/server/db/schema';
import { catalogueActionSchema } from '$lib/schemas/actions';
import { logAction } from './actions';
import { createCatalogueAction, listCatalogue, setActionRetired, updateCatalogueAction } from './catalogue';

const t = await createTestDb();
const NOW = new Date('2026-11-27T05:00:00Z');

describe('action catalogue', () => {
	it('has the eight default actions, each with an impact factor and its source', async () => {
		const all = await listCatalogue(t.db);
		expect(all.length).toBeGreaterThanOrEqual(8);
		expect(all.every((a) => a.grams > 0 && a.source.length > 10 && a.points > 0 && a.dailyCap > 0)).toBe(
			true
		);
	});

	it('adds, edits and retires an action; retired actions keep their history but cannot be logged', async () => {
		const w = await makeStudentWorld(t.db);
		const input = catalogueActionSchema.parse({
			nameVi: 'Mang túi vải',
			nameEn: 'Brought a cloth bag',
			points: '6',
			dailyCap: '2',
			impactFactorId: '2',
			audience: 'both'
		});
		const created = await createCatalogueAction(t.db, input);
		if (!created.ok) throw new Error(created.error);
		const logged = await logAction(
			t.db,
			w.student.id,
			{
				actionId: created.id,
				count: 1,
				day: '2026-11-27',
				mode: 'person',
				idempotencyKey: 'catalogue-key-1'
			},
			NOW,
			'Asia/Ho_Chi_Minh'
		);
		expect(logged).toMatchObject({ ok: true, points: 6 });
		// New points apply to later logs only.
		expect(await updateCatalogueAction(t.db, created.id, { ...input, points: 9 })).toEqual({
			ok: true,
			id: created.id
		});
		expect(await setActionRetired(t.db, created.id, true, NOW)).toBe(true);
		const retired = (await listCatalogue(t.db)).find((a) => a.id === created.id)!;
		expect(retired).toMatchObject({ points: 9, logs: 1 });
		expect(retired.retiredAt).not.toBeNull();
		const refused = await logAction(
			t.db,
			w.student.id,
			{
				actionId: created.id,
				count: 1,
				day: '2026-11-27',
				mode: 'person',
				idempotencyKey: 'catalogue-key-2'
			},
			NOW,
			'Asia/Ho_Chi_Minh'
		);
		expect(refused).toMatchObject({ ok: false, error: 'actions.action.retired' });
		const entries = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.personId, w.student.id));
		expect(entries.map((e) => e.points)).toEqual([6]);
		expect(await setActionRetired(t.db, created.id, false)).toBe(true);
		expect(await updateCatalogueAction(t.db, 999_999, input)).toEqual({
			ok: false,
			error: 'catalogue.notFound'
		});
		expect(await createCatalogueAction(t.db, { ...input, impactFactorId: 999_999 })).toEqual({
			ok: false,
			error: 'catalogue.factor.unknown'
		});
	});

	it('refuses bad catalogue input', () => {
		for (const bad of [
			{ points: '0' },
			{ points: '2.5' },
			{ dailyCap: '-1' },
			{ dailyCap: '51' },
			{ nameVi: '' },
			{ audience: 'everyone' }
		])
			expect(
				catalogueActionSchema.safeParse({
					nameVi: 'A',
					nameEn: 'A',
					points: '5',
					dailyCap: '2',
					impactFactorId: '1',
					audience: 'both',
					...bad
				}).success
			).toBe(false);
	});
});
