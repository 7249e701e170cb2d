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
import { expectRollupsEqualLedger } from '../../../../tests/helpers/ledger-recount';
import { prng } from '$lib/utils/prng';
import { challenge, classStudent, ledgerEntry, rollup, rollupArea } from '$lib/server/db/schema';
import { saveArea } from '$lib/server/community/areas';
import { addDays } from '$lib/utils/dates';
import { appendEntry, voidEntry } from './ledger';
import { followPerson } from './rollups';

const t = await createTestDb();

describe('rollups equal the ledger', () => {
	// The timeout only guards against a hang: on a busy shared machine this run takes 20–40 s.
	it('after a randomised run of entries, reversals, class and area moves, every rollup matches a recount', async () => {
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
		const classes = [];
		for (let i = 0; i < 5; i++) classes.push(await makeClass(t.db, { schoolId: schools[i % 3].id }));
		const households = [];
		for (let i = 0; i < 4; i++)
			households.push(await makeHousehold(t.db, { neighbourhoodId: hoods[i % 2].id }));
		const people: { id: number; classId: number | null; householdId: number | null }[] = [];
		for (let i = 0; i < 18; i++) {
			const u = await makeUser(t.db);
			const classId = i < 14 ? pick(classes).id : null;
			if (classId) await t.db.insert(classStudent).values({ classId, userId: u.id });
			people.push({ id: u.id, classId, householdId: i % 3 === 0 ? null : pick(households).id });
		}
		const challenges = await t.db
			.insert(challenge)
			.values([
				{ title: 'Lớp', scope: 'class', startDay: '2026-10-20', endDay: '2026-12-31' },
				{ title: 'Trường', scope: 'school', startDay: '2026-10-20', endDay: '2026-12-31' },
				{ title: 'Khu phố', scope: 'neighbourhood', startDay: '2026-10-20', endDay: '2026-12-31' }
			])
			.returning();

		const live: number[] = [];
		for (let op = 0; op < 400; op++) {
			if (op === 200) {
				// Halfway: the leaf moves under `other`, and two people change class.
				const moved = await saveArea(
					t.db,
					{ nameVi: 'Lá', nameEn: 'Leaf', kind: 'ward', parentId: other.id },
					leaf.id
				);
				expect(moved.ok).toBe(true);
				for (const p of people.slice(1, 3)) {
					p.classId = p.classId === classes[0].id ? classes[1].id : classes[0].id;
					await t.db.delete(classStudent).where(eq(classStudent.userId, p.id));
					await t.db.insert(classStudent).values({ classId: p.classId, userId: p.id });
					await t.db.transaction((tx) => followPerson(tx, p.id));
				}
			}
			if (live.length > 5 && rand() < 0.2) {
				const [entryId] = live.splice(Math.floor(rand() * live.length), 1);
				const r = await t.db.transaction((tx) =>
					voidEntry(tx, { entryId, actorId: people[0].id, reason: 'random' })
				);
				expect(r.ok).toBe(true);
				continue;
			}
			const p = pick(people);
			const anonymous = rand() < 0.05; // an erased person: group credit without a person
			const credits = challenges
				.filter(() => rand() < 0.3)
				.map((c) => ({ challengeId: c.id, points: 1 + Math.floor(rand() * 15) }));
			const e = await t.db.transaction((tx) =>
				appendEntry(tx, {
					localDay: addDays('2026-10-20', Math.floor(rand() * 60)),
					points: 1 + Math.floor(rand() * 20),
					gramsAvoided: Math.floor(rand() * 50),
					sourceKind: 'action',
					actorId: p.id,
					personId: anonymous ? null : p.id,
					classId: p.classId,
					householdId: p.householdId,
					credits
				})
			);
			live.push(e.id);
		}

		expect(await expectRollupsEqualLedger(t.db)).toBeGreaterThan(500);
		// The run exercised what it claims to: reversals, several area levels, challenge rows on
		// both sides, ranked per-member rows, and households ranked by days alone.
		expect((await t.db.select().from(ledgerEntry)).some((e) => e.sourceKind === 'reversal')).toBe(true);
		const areaRows = await t.db.select().from(rollupArea);
		expect(new Set(areaRows.map((r) => r.areaId))).toEqual(new Set([root.id, mid.id, leaf.id, other.id]));
		const rows = await t.db.select().from(rollup);
		expect(new Set(rows.filter((r) => r.periodKind === 'challenge').map((r) => r.scopeKind))).toEqual(
			new Set(['person', 'class', 'school', 'household', 'neighbourhood'])
		);
		expect(rows.some((r) => r.scopeKind === 'class' && r.perMember !== null)).toBe(true);
		expect(rows.some((r) => r.scopeKind === 'household' && r.perMember !== null && r.activeMembers < 2)).toBe(
			true
		);
	}, 120_000);
});
