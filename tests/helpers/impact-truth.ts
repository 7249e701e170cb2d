/**
 * What the impact rollups should hold, worked out in JavaScript from the ledger alone, and what
 * they hold (src/lib/server/impact/rollups.test.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import {
	actionLog,
	areaClosure,
	collectionPoint,
	contribution,
	household,
	impactDay,
	impactMaterialDay,
	impactMember,
	ledgerEntry,
	neighbourhood,
	playground,
	pledgeCheckin,
	school,
	schoolClass
} from '../../src/lib/server/db/schema';
import { key } from './impact-history';

/** The keys, amounts and members of every entry, worked out in JavaScript from the ledger alone. */
export async function impactTruth(db: Db) {
	const entries = await db.select().from(ledgerEntry);
	const byId = new Map(entries.map((e) => [e.id, e]));
	const classes = new Map((await db.select().from(schoolClass)).map((c) => [c.id, c]));
	const schools = new Map((await db.select().from(school)).map((s) => [s.id, s]));
	const households = new Map((await db.select().from(household)).map((h) => [h.id, h]));
	const nbs = new Map((await db.select().from(neighbourhood)).map((n) => [n.id, n]));
	const ancestors = new Map<number, number[]>();
	for (const r of await db.select().from(areaClosure))
		ancestors.set(r.areaId, [...(ancestors.get(r.areaId) ?? []), r.ancestorId]);
	const logs = new Map((await db.select().from(actionLog)).map((l) => [l.id, l]));
	const checkins = new Map((await db.select().from(pledgeCheckin)).map((c) => [c.id, c]));
	const contributions = new Map((await db.select().from(contribution)).map((c) => [c.id, c]));
	const points = new Map((await db.select().from(collectionPoint)).map((p) => [p.id, p.areaId]));
	const playgrounds = new Map((await db.select().from(playground)).map((p) => [p.id, p.modelId]));

	const days = new Map<string, Record<string, number>>();
	const materials = new Map<string, { grams: number; dropOffs: number }>();
	const members: { kind: string; area: number; model: number; member: number; day: string }[] = [];
	for (const e of entries) {
		const sides: { side: string; area: number; model: number; school?: number }[] = [];
		if (e.classId) {
			const s = schools.get(classes.get(e.classId)!.schoolId)!;
			sides.push({ side: 'school', area: s.areaId, model: s.modelId ?? 0, school: s.id });
		}
		if (e.householdId) {
			const n = nbs.get(households.get(e.householdId)!.neighbourhoodId)!;
			sides.push({ side: 'household', area: n.areaId, model: n.modelId ?? 0 });
		}
		const original = e.reverses ? byId.get(e.reverses)! : e;
		if (original.sourceKind === 'contribution') {
			const c = contributions.get(e.sourceId!)!;
			sides.push({
				side: 'collection',
				area: points.get(c.pointId)!,
				model: playgrounds.get(c.playgroundId)!
			});
		}
		const keys = new Set([key(0, 0)]);
		for (const s of sides)
			for (const a of ancestors.get(s.area)!) {
				keys.add(key(a, 0));
				if (s.model) keys.add(key(a, s.model)).add(key(0, s.model));
			}
		const sign = e.reverses ? -1 : 1;
		const kind = original.sourceKind;
		const log = kind === 'action' ? logs.get(e.sourceId!) : undefined;
		const items =
			kind === 'action'
				? sign * (log?.ledgerEntryId === original.id ? log.count : 0)
				: kind === 'checkin'
					? sign * checkins.get(e.sourceId!)!.itemsAvoided
					: 0;
		for (const k of keys) {
			const d = days.get(key(k, e.localDay)) ?? {};
			const add = (f: string, v: number) => (d[f] = (d[f] ?? 0) + v);
			add('points', e.points);
			add('gramsAvoided', e.gramsAvoided);
			add('gramsCollected', e.gramsCollected);
			add('itemsAvoided', items);
			add('actions', kind === 'action' ? sign : 0);
			add('checkins', kind === 'checkin' ? sign : 0);
			add('pledgesKept', kind === 'bonus' ? sign : 0);
			add('dropOffs', kind === 'contribution' ? sign : 0);
			add('entries', sign);
			days.set(key(k, e.localDay), d);
			if (kind === 'contribution') {
				const m = key(k, e.localDay, contributions.get(e.sourceId!)!.material);
				const cell = materials.get(m) ?? { grams: 0, dropOffs: 0 };
				cell.grams += e.gramsCollected;
				cell.dropOffs += sign;
				materials.set(m, cell);
			}
		}
		if (e.reverses) continue;
		for (const s of sides) {
			const add = (kind: string, member: number) =>
				members.push({ kind, area: s.area, model: s.model, member, day: e.localDay });
			if (s.side === 'school') {
				if (e.personId) add('student', e.personId);
				add('class', e.classId!);
				add('school', s.school!);
			} else if (s.side === 'household') add('household', e.householdId!);
			else continue;
			if (e.sourceKind === 'checkin' && (s.side === 'school' || !e.classId))
				add('pledge', checkins.get(e.sourceId!)!.pledgeId);
		}
	}
	return { days, materials, members, ancestors };
}

export async function impactSnapshot(db: Db) {
	return {
		days: await db.select().from(impactDay).orderBy(impactDay.areaId, impactDay.modelId, impactDay.day),
		materials: await db
			.select()
			.from(impactMaterialDay)
			.orderBy(
				impactMaterialDay.areaId,
				impactMaterialDay.modelId,
				impactMaterialDay.day,
				impactMaterialDay.material
			),
		active: await db.all(sql`SELECT * FROM impact_active ORDER BY kind, area_id, model_id, grain, bucket`),
		members: await db
			.select()
			.from(impactMember)
			.orderBy(
				impactMember.kind,
				impactMember.areaId,
				impactMember.modelId,
				impactMember.memberId,
				impactMember.grain,
				impactMember.bucket
			)
	};
}
