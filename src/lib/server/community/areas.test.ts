import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { area } from '$lib/server/db/schema';
import { listAreaTree, listModels, saveArea, saveModel } from './areas';

const t = await createTestDb();

describe('areas and models', () => {
	it('builds a tree of any depth and refuses to put an area inside itself', async () => {
		const city = await saveArea(t.db, {
			nameVi: 'Thành phố A',
			nameEn: 'City A',
			kind: 'city',
			parentId: null
		});
		if (!city.ok) throw new Error();
		const ward = await saveArea(t.db, {
			nameVi: 'Phường B',
			nameEn: 'Ward B',
			kind: 'ward',
			parentId: city.id
		});
		if (!ward.ok) throw new Error();
		const tree = await listAreaTree(t.db);
		const wardNode = tree.find((a) => a.id === ward.id)!;
		expect(wardNode.depth).toBe(1);
		expect(tree.findIndex((a) => a.id === city.id)).toBeLessThan(tree.indexOf(wardNode));
		expect(
			await saveArea(
				t.db,
				{ nameVi: 'Thành phố A', nameEn: 'City A', kind: 'city', parentId: ward.id },
				city.id
			)
		).toEqual({ ok: false, field: 'parentId', error: 'structure.area.cycle' });
		const [row] = await t.db.select().from(area).where(eq(area.id, city.id));
		expect(row.parentId).toBeNull();
		expect(await saveArea(t.db, { nameVi: 'X', nameEn: 'X', kind: 'ward', parentId: 999999 })).toMatchObject({
			ok: false,
			error: 'structure.ref.unknown'
		});
	});

	it('lists the 12 seeded LSPP models and saves a new one only in an existing area', async () => {
		const models = await listModels(t.db);
		expect(models.length).toBe(12);
		const input = {
			nameVi: 'Mô hình mới',
			nameEn: 'New model',
			areaId: models[0].areaId,
			hostKind: 'club' as const,
			hostName: '',
			kind: 'other' as const,
			descriptionVi: '',
			descriptionEn: ''
		};
		expect(await saveModel(t.db, input)).toMatchObject({ ok: true });
		expect(await saveModel(t.db, { ...input, areaId: 999999 })).toMatchObject({
			ok: false,
			error: 'structure.ref.unknown'
		});
		expect(await listModels(t.db)).toHaveLength(13);
	});
});
