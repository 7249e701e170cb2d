import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld } from '../../../../tests/helpers/factories';
import { communityModel, neighbourhood, school } from '$lib/server/db/schema';
import { appendEntry } from '$lib/server/ledger/ledger';
import { impactByModel, impactCsv } from './impact';

const t = await createTestDb();

describe('impact by community model', () => {
	it('sums school and neighbourhood rollups per model, kept apart, and matches what was logged', async () => {
		const [green] = await t.db.select().from(communityModel).where(eq(communityModel.code, 'green-school'));
		const [resid] = await t.db
			.select()
			.from(communityModel)
			.where(eq(communityModel.code, 'residential-area'));
		const w = await makeStudentWorld(t.db);
		await t.db.update(school).set({ modelId: green.id }).where(eq(school.id, w.school.id));
		await t.db
			.update(neighbourhood)
			.set({ modelId: resid.id })
			.where(eq(neighbourhood.id, w.household.neighbourhoodId));
		const base = {
			actorId: w.student.id,
			personId: w.student.id,
			classId: w.cls.id,
			householdId: w.household.id
		};
		await t.db.transaction(async (tx) => {
			await appendEntry(tx, {
				...base,
				localDay: '2026-11-20',
				points: 10,
				gramsAvoided: 1500,
				sourceKind: 'action'
			});
			await appendEntry(tx, {
				...base,
				localDay: '2026-11-21',
				points: 40,
				gramsCollected: 2250,
				sourceKind: 'contribution'
			});
			// A household-only entry counts for the neighbourhood, not the school.
			await appendEntry(tx, {
				actorId: w.parent.id,
				personId: w.parent.id,
				householdId: w.household.id,
				localDay: '2026-11-21',
				points: 5,
				gramsAvoided: 500,
				sourceKind: 'action'
			});
		});
		const rows = await impactByModel(t.db);
		expect(rows).toHaveLength(12); // every model listed, even with nothing yet
		const g = rows.find((r) => r.modelId === green.id)!;
		expect(g).toMatchObject({
			schools: 1,
			neighbourhoods: 0,
			viaSchools: { points: 50, gramsAvoided: 1500, gramsCollected: 2250 }
		});
		const r = rows.find((x) => x.modelId === resid.id)!;
		expect(r).toMatchObject({
			schools: 0,
			neighbourhoods: 1,
			viaNeighbourhoods: { points: 55, gramsAvoided: 2000, gramsCollected: 2250 }
		});
		const untouched = rows.find((x) => x.modelId !== green.id && x.modelId !== resid.id)!;
		expect(untouched.viaSchools).toEqual({ points: 0, gramsAvoided: 0, gramsCollected: 0 });

		const csv = impactCsv(rows, '(none)');
		expect(csv.startsWith('\uFEFFmodel_vi,model_en,')).toBe(true);
		expect(csv).toContain(`${green.nameVi},`);
		expect(csv.trim().split('\r\n')).toHaveLength(1 + rows.length);
		expect(csv).toContain(',1,50,1.50,2.25,0,0,0.00,0.00');
	});

	it('defuses spreadsheet formulas in names', () => {
		const csv = impactCsv(
			[
				{
					modelId: 1,
					nameVi: '=HYPERLINK("x")',
					nameEn: 'a,b',
					schools: 0,
					neighbourhoods: 0,
					viaSchools: { points: 0, gramsAvoided: 0, gramsCollected: 0 },
					viaNeighbourhoods: { points: 0, gramsAvoided: 0, gramsCollected: 0 }
				}
			],
			'-'
		);
		expect(csv).toContain(`"'=HYPERLINK(""x"")","a,b"`);
	});
});
