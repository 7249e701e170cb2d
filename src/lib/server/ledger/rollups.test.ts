import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import {
	makeArea,
	makeClass,
	makeHousehold,
	makeNeighbourhood,
	makeSchool,
	makeUser
} from '../../../../tests/helpers/factories';
import {
	area,
	household,
	ledgerEntry,
	neighbourhood,
	rollup,
	rollupArea,
	school,
	schoolClass
} from '$lib/server/db/schema';
import { addDays, monthKey, weekStart } from '$lib/utils/dates';
import { appendEntry, MIN_ACTIVE_MEMBERS, voidEntry } from './ledger';

const t = await createTestDb();

/** A small deterministic PRNG so a failure can be replayed. */
function prng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

interface Cell {
	parentId?: number;
	points: number;
	entries: number;
	members: Set<number>;
}

describe('rollups equal the ledger', () => {
	it('after a randomised run of entries and reversals, every rollup and per-area row matches a recount', async () => {
		const rand = prng(20261128);
		const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];

		// Areas three deep, schools and neighbourhoods at different depths.
		const root = await makeArea(t.db);
		const mid = await makeArea(t.db, { parentId: root.id });
		const leaf = await makeArea(t.db, { parentId: mid.id });
		const other = await makeArea(t.db, { parentId: root.id });
		const schools = [
			await makeSchool(t.db, { areaId: leaf.id }),
			await makeSchool(t.db, { areaId: mid.id }),
			await makeSchool(t.db, { areaId: other.id })
		];
		const hoods = [
			await makeNeighbourhood(t.db, { areaId: leaf.id }),
			await makeNeighbourhood(t.db, { areaId: root.id })
		];
		const people: { id: number; classId: number | null; householdId: number | null }[] = [];
		const classes = [];
		for (let i = 0; i < 5; i++) classes.push(await makeClass(t.db, { schoolId: schools[i % 3].id }));
		const households = [];
		for (let i = 0; i < 4; i++)
			households.push(await makeHousehold(t.db, { neighbourhoodId: hoods[i % 2].id }));
		for (let i = 0; i < 18; i++) {
			const u = await makeUser(t.db);
			people.push({
				id: u.id,
				classId: i < 14 ? pick(classes).id : null,
				householdId: i % 3 === 0 ? null : pick(households).id
			});
		}

		const live: number[] = [];
		for (let op = 0; op < 400; op++) {
			if (live.length > 5 && rand() < 0.2) {
				const idx = Math.floor(rand() * live.length);
				const [entryId] = live.splice(idx, 1);
				const r = await t.db.transaction((tx) =>
					voidEntry(tx, { entryId, actorId: people[0].id, reason: 'random' })
				);
				expect(r.ok).toBe(true);
				continue;
			}
			const p = pick(people);
			const anonymous = rand() < 0.05; // an erased person: group credit without a person
			const e = await t.db.transaction((tx) =>
				appendEntry(tx, {
					localDay: addDays('2026-10-20', Math.floor(rand() * 60)),
					points: 1 + Math.floor(rand() * 20),
					sourceKind: 'action',
					actorId: p.id,
					personId: anonymous ? null : p.id,
					classId: p.classId,
					householdId: p.householdId,
					challengeId: rand() < 0.3 ? 1 + Math.floor(rand() * 2) : null
				})
			);
			live.push(e.id);
		}

		// Recount from the ledger alone.
		const parentOfArea = new Map((await t.db.select().from(area)).map((a) => [a.id, a.parentId]));
		const chain = (id: number) => {
			const out: number[] = [];
			for (let a: number | null | undefined = id; a; a = parentOfArea.get(a)) out.push(a);
			return out;
		};
		const classInfo = new Map(
			(
				await t.db
					.select({ id: schoolClass.id, schoolId: school.id, areaId: school.areaId })
					.from(schoolClass)
					.innerJoin(school, eq(school.id, schoolClass.schoolId))
			).map((c) => [c.id, c])
		);
		const hhInfo = new Map(
			(
				await t.db
					.select({ id: household.id, nId: neighbourhood.id, areaId: neighbourhood.areaId })
					.from(household)
					.innerJoin(neighbourhood, eq(neighbourhood.id, household.neighbourhoodId))
			).map((h) => [h.id, h])
		);
		const expected = new Map<string, Cell>();
		const expectedArea = new Map<string, Cell>();
		const add = (
			map: Map<string, Cell>,
			key: string,
			parentId: number | undefined,
			e: typeof ledgerEntry.$inferSelect,
			countMember: boolean
		) => {
			const c = map.get(key) ?? { parentId, points: 0, entries: 0, members: new Set<number>() };
			c.points += e.points;
			c.entries += e.sourceKind === 'reversal' ? -1 : 1;
			if (countMember && e.personId && e.sourceKind !== 'reversal') c.members.add(e.personId);
			map.set(key, c);
		};
		for (const e of await t.db.select().from(ledgerEntry)) {
			const periods: [string, string][] = [
				['week', weekStart(e.localDay)],
				['month', monthKey(e.localDay)],
				['all', 'all']
			];
			if (e.challengeId) periods.push(['challenge', String(e.challengeId)]);
			const scopes: [string, number, number, number | null][] = [];
			if (e.personId) scopes.push(['person', e.personId, e.classId ?? 0, null]);
			if (e.classId) {
				const c = classInfo.get(e.classId)!;
				scopes.push(['class', e.classId, c.schoolId, c.areaId], ['school', c.schoolId, c.areaId, c.areaId]);
			}
			if (e.householdId) {
				const h = hhInfo.get(e.householdId)!;
				scopes.push(['household', e.householdId, h.nId, null], ['neighbourhood', h.nId, h.areaId, h.areaId]);
			}
			for (const [kind, id, parentId, areaId] of scopes) {
				for (const [pk, key] of periods) {
					add(expected, `${kind}|${id}|${pk}|${key}`, parentId, e, true);
					if (areaId !== null)
						for (const a of chain(areaId))
							add(expectedArea, `${kind}|${a}|${id}|${pk}|${key}`, undefined, e, true);
				}
				add(expected, `${kind}|${id}|day|${e.localDay}`, parentId, e, false);
			}
		}
		const perMember = (c: Cell) => (c.members.size >= MIN_ACTIVE_MEMBERS ? c.points / c.members.size : null);

		const actual = await t.db.select().from(rollup);
		expect(actual.length).toBe(expected.size);
		for (const r of actual) {
			const c = expected.get(`${r.scopeKind}|${r.scopeId}|${r.periodKind}|${r.periodKey}`);
			expect(c, `${r.scopeKind} ${r.scopeId} ${r.periodKind} ${r.periodKey}`).toBeDefined();
			expect([r.parentId, r.points, r.entries, r.activeMembers]).toEqual([
				c!.parentId,
				c!.points,
				c!.entries,
				c!.members.size
			]);
			if (perMember(c!) === null) expect(r.perMember).toBeNull();
			else expect(r.perMember).toBeCloseTo(perMember(c!)!, 9);
		}
		const actualArea = await t.db.select().from(rollupArea);
		expect(actualArea.length).toBe(expectedArea.size);
		for (const r of actualArea) {
			const c = expectedArea.get(`${r.boardKind}|${r.areaId}|${r.scopeId}|${r.periodKind}|${r.periodKey}`);
			expect(c, `${r.boardKind} in ${r.areaId}: ${r.scopeId} ${r.periodKind} ${r.periodKey}`).toBeDefined();
			expect([r.points, r.entries, r.activeMembers]).toEqual([c!.points, c!.entries, c!.members.size]);
			if (perMember(c!) === null) expect(r.perMember).toBeNull();
			else expect(r.perMember).toBeCloseTo(perMember(c!)!, 9);
		}
		// The run exercised what it claims to: reversals, several area levels, ranked per-member rows.
		expect((await t.db.select().from(ledgerEntry)).some((e) => e.sourceKind === 'reversal')).toBe(true);
		expect(new Set(actualArea.map((r) => r.areaId)).size).toBe(4);
		expect(actual.some((r) => r.perMember !== null)).toBe(true);
	});
});
