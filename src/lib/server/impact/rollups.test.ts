import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { key, makeImpactHistory, prng } from '../../../../tests/helpers/impact-history';
import { impactSnapshot, impactTruth } from '../../../../tests/helpers/impact-truth';
import { areaClosure } from '$lib/server/db/schema';
import { addDays, weekStart } from '$lib/utils/dates';
import { activeByBucket, countActive } from './participants';
import { rebuildImpactRollups } from './rebuild';

const t = await createTestDb();
const random = prng(17_2026);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const history = await makeImpactHistory(t.db, random);
const truth = () => impactTruth(t.db);
const snapshot = () => impactSnapshot(t.db);

describe('impact rollups', () => {
	it('equal the ledger for every area, model and day, with voids, late logs and backfilled days', async () => {
		const expected = await truth();
		const stored = await snapshot();
		expect(stored.days.length).toBeGreaterThan(100);
		const got = new Map(stored.days.map((r) => [key(r.areaId, r.modelId, r.day), r]));
		for (const k of new Set([...expected.days.keys(), ...got.keys()])) {
			const want = expected.days.get(k) ?? {};
			const row = got.get(k);
			for (const f of [
				'points',
				'gramsAvoided',
				'gramsCollected',
				'itemsAvoided',
				'actions',
				'checkins',
				'pledgesKept',
				'dropOffs',
				'entries'
			] as const)
				expect({ k, f, v: row?.[f] ?? 0 }).toEqual({ k, f, v: want[f] ?? 0 });
		}
		const gotMaterials = new Map(
			stored.materials.map((r) => [key(r.areaId, r.modelId, r.day, r.material), r])
		);
		expect(gotMaterials.size).toBeGreaterThan(0);
		for (const k of new Set([...expected.materials.keys(), ...gotMaterials.keys()]))
			expect({ k, ...(expected.materials.get(k) ?? {}) }).toEqual({
				k,
				grams: gotMaterials.get(k)?.grams,
				dropOffs: gotMaterials.get(k)?.dropOffs
			});
	});

	it('count exactly the members active in any period, area and model', async () => {
		const { members, ancestors } = await truth();
		const kinds = ['student', 'household', 'class', 'school', 'pledge'] as const;
		const scopes = [
			{ areaId: null, modelId: null },
			{ areaId: history.city.id, modelId: null },
			{ areaId: history.district.id, modelId: null },
			{ areaId: history.wards[0].id, modelId: history.green.id },
			{ areaId: null, modelId: history.green.id },
			{ areaId: null, modelId: history.resid.id }
		];
		let checked = 0;
		for (let i = 0; i < 40; i++) {
			const from = addDays(history.firstDay, Math.floor(random() * 55) - 3);
			const to = addDays(from, Math.floor(random() * (i % 3 === 0 ? 60 : 12)));
			const scope = pick(scopes);
			const counts = await countActive(t.db, scope, kinds, { from, to });
			for (const kind of kinds) {
				const want = new Set(
					members
						.filter(
							(m) =>
								m.kind === kind &&
								m.day >= from &&
								m.day <= to &&
								(scope.areaId === null || ancestors.get(m.area)!.includes(scope.areaId)) &&
								(scope.modelId === null || m.model === scope.modelId)
						)
						.map((m) => key(m.area, m.model, m.member))
				).size;
				const got = counts.filter((c) => c.kind === kind).reduce((n, c) => n + c.n, 0);
				expect({ from, to, scope, kind, n: got }).toEqual({ from, to, scope, kind, n: want });
				checked += want;
			}
		}
		expect(checked).toBeGreaterThan(100);
	});

	it('count the members of every whole week exactly, from the per-week counts', async () => {
		const { members, ancestors } = await truth();
		const stored = await t.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM impact_active a
			WHERE a.members <> (SELECT count(*) FROM impact_member m WHERE m.kind = a.kind AND m.area_id = a.area_id
				AND m.model_id = a.model_id AND m.grain = a.grain AND m.bucket = a.bucket)`);
		expect(stored[0].n).toBe(0);
		for (const scope of [
			{ areaId: null, modelId: null },
			{ areaId: history.district.id, modelId: null },
			{ areaId: null, modelId: history.green.id }
		]) {
			const first = weekStart(history.firstDay);
			const last = addDays(first, 7 * 7);
			const got = await activeByBucket(t.db, scope, ['student', 'household'], 'week', first, last);
			for (let week = first; week <= last; week = addDays(week, 7))
				for (const kind of ['student', 'household'] as const) {
					const want = new Set(
						members
							.filter(
								(m) =>
									m.kind === kind &&
									weekStart(m.day) === week &&
									(scope.areaId === null || ancestors.get(m.area)!.includes(scope.areaId)) &&
									(scope.modelId === null || m.model === scope.modelId)
							)
							.map((m) => key(m.area, m.model, m.member))
					).size;
					const n = got.find((g) => g.kind === kind && g.bucket === week)?.n ?? 0;
					expect({ scope, week, kind, n }).toEqual({ scope, week, kind, n: want });
				}
		}
	});

	it('rebuild in bulk to exactly what the writes kept, row for row', async () => {
		const before = await snapshot();
		await rebuildImpactRollups(t.db);
		expect(await snapshot()).toEqual(before);
	});

	it('keep the area tree closure when an area moves', async () => {
		const ward = history.wards[2];
		await t.db.run(sql`UPDATE area SET parent_id = ${history.district.id} WHERE id = ${ward.id}`);
		const rows = await t.db.select().from(areaClosure).where(eq(areaClosure.areaId, ward.id));
		expect(rows.map((r) => r.ancestorId).sort((a, b) => a - b)).toEqual(
			[history.city.id, history.district.id, ward.id].sort((a, b) => a - b)
		);
	});

	it('are kept by the ledger’s writes, with triggers left only for areas, member counts and late logs', async () => {
		const triggers = await t.db.all<{ name: string }>(
			sql`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'impact_%' ORDER BY name`
		);
		expect(triggers.map((r) => r.name)).toEqual([
			'impact_action_log_insert',
			'impact_area_insert',
			'impact_area_move',
			'impact_member_count',
			'impact_member_prev_day'
		]);
	});
});
