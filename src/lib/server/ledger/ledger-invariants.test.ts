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
import { expectBoardsShowScorers, expectRollupsEqualLedger } from '../../../../tests/helpers/ledger-recount';
import { prng } from '$lib/utils/prng';
import { action, challenge, classStudent, ledgerEntry, rollup } from '$lib/server/db/schema';
import { addDays, localDay } from '$lib/utils/dates';
import { logAction } from '$lib/server/actions/actions';
import { createChallenge } from '$lib/server/actions/challenge-setup';
import { voidEntryAs } from '$lib/server/actions/review';
import { removeStudent } from '$lib/server/community/classes';
import { saveArea } from '$lib/server/community/areas';
import { windowPeriod, type BoardPeriod } from '$lib/server/boards/leaderboards';
import { appendEntry, getTotals, voidEntry } from './ledger';
import { followPerson } from './rollups';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';

describe('ledger invariants', () => {
	it('through the services, every rollup equals the ledger and every board shows exactly who scored in its window', async () => {
		const random = prng(20261128);
		const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
		const teacher = await makeUser(t.db, { roles: ['teacher'] });
		const steward = await makeUser(t.db, { roles: ['steward'] });
		const root = await makeArea(t.db);
		const wardA = await makeArea(t.db, { parentId: root.id });
		const wardB = await makeArea(t.db, { parentId: root.id });
		const elsewhere = await makeArea(t.db);
		const sch = await makeSchool(t.db, { areaId: wardA.id });
		const nbs = [
			await makeNeighbourhood(t.db, { areaId: wardA.id, stewardIds: [steward.id] }),
			await makeNeighbourhood(t.db, { areaId: wardB.id, stewardIds: [steward.id] })
		];
		const students = await Promise.all(
			Array.from({ length: 6 }, () => makeUser(t.db, { roles: ['student'] }))
		);
		const adults = await Promise.all(
			Array.from({ length: 4 }, () => makeUser(t.db, { roles: ['household'] }))
		);
		const classes = [
			await makeClass(t.db, {
				schoolId: sch.id,
				teacherIds: [teacher.id],
				studentIds: students.slice(0, 3).map((s) => s.id)
			}),
			await makeClass(t.db, {
				schoolId: sch.id,
				teacherIds: [teacher.id],
				studentIds: students.slice(3).map((s) => s.id)
			})
		];
		const households: { id: number }[] = [];
		for (let i = 0; i < 4; i++)
			households.push(
				await makeHousehold(t.db, {
					neighbourhoodId: nbs[i === 3 ? 1 : 0].id,
					adultIds: [adults[i].id],
					studentIds: i < 3 ? [students[i * 2].id] : []
				})
			);
		const householdOf = (userId: number) =>
			households[[0, 2, 4].indexOf(students.findIndex((s) => s.id === userId))]?.id ?? null;
		const actions = await t.db.select({ id: action.id }).from(action);

		// Overlapping challenges: the whole school, one class inside it, and one neighbourhood.
		const asTeacher = { id: teacher.id, roles: ['teacher'] };
		const days = { startDay: '2026-10-20', endDay: '2026-11-10', description: '', classIds: [] as number[] };
		const made = [
			await createChallenge(
				t.db,
				asTeacher,
				{
					...days,
					title: 'Trường',
					scope: 'school',
					schoolId: sch.id,
					actions: actions.slice(0, 4).map((a) => ({ actionId: a.id, points: 7 }))
				},
				'2026-10-01'
			),
			await createChallenge(
				t.db,
				asTeacher,
				{
					...days,
					title: 'Lớp',
					scope: 'class',
					classIds: [classes[0].id],
					confirmOverlap: true,
					startDay: '2026-10-26',
					actions: actions.slice(2, 6).map((a) => ({ actionId: a.id, points: 4 }))
				},
				'2026-10-01'
			),
			await createChallenge(
				t.db,
				{ id: steward.id, roles: ['steward'] },
				{
					...days,
					title: 'Khu phố',
					scope: 'neighbourhood',
					neighbourhoodId: nbs[0].id,
					actions: actions.slice(1, 5).map((a) => ({ actionId: a.id, points: 9 }))
				},
				'2026-10-01'
			)
		];
		const challengeIds = made.map((c) => {
			if (!c.ok) throw new Error(c.error);
			return c.id;
		});

		const start = new Date('2026-10-10T03:00:00Z');
		const written: number[] = [];
		const seenWeeks = new Set<string>();
		let ok = 0;
		let duplicates = 0;
		const periodsSoFar = async (today: string): Promise<BoardPeriod[]> => {
			const periods = [-21, -14, -7, 0].map((d) => windowPeriod('week', addDays(today, d)));
			periods.push(
				windowPeriod('month', today),
				windowPeriod('month', addDays(today, -31)),
				windowPeriod('all', today)
			);
			for (const ch of await t.db.select().from(challenge))
				periods.push(windowPeriod('challenge', today, ch));
			return periods;
		};
		for (let step = 0; step < 260; step++) {
			// Walk the clock forward across weeks and a month boundary, at random hours.
			const now = new Date(start.getTime() + step * 4 * 3600_000 + Math.floor(random() * 3600_000));
			const today = localDay(now, TZ);
			if (step === 130) {
				// A student changes class, and ward B (with its neighbourhood) moves to another city.
				const mover = students[1];
				expect(await removeStudent(t.db, classes[0].id, mover.id)).toBe(true);
				await t.db.insert(classStudent).values({ classId: classes[1].id, userId: mover.id });
				await t.db.transaction((tx) => followPerson(tx, mover.id));
				const moved = await saveArea(
					t.db,
					{ nameVi: 'B', nameEn: 'B', kind: 'ward', parentId: elsewhere.id },
					wardB.id
				);
				expect(moved.ok).toBe(true);
			}
			const week = windowPeriod('week', today).key;
			const roll = random();
			if (!seenWeeks.has(week)) {
				// Each week starts with a household pledge check-in: it credits the household and the
				// student, never the class.
				seenWeeks.add(week);
				const s = pick([students[0], students[2], students[4]]);
				const e = await t.db.transaction((tx) =>
					appendEntry(tx, {
						localDay: today,
						points: 5,
						gramsAvoided: 10,
						sourceKind: 'checkin',
						actorId: s.id,
						personId: s.id,
						householdId: householdOf(s.id)
					})
				);
				written.push(e.id);
			} else if (roll < 0.7) {
				const adult = random() < 0.25;
				const who = adult ? pick(adults) : pick(students);
				const r = await logAction(
					t.db,
					who.id,
					{
						actionId: pick(actions).id,
						count: 1 + Math.floor(random() * 2),
						day: random() < 0.3 ? addDays(today, -1) : today,
						mode: adult ? 'household' : 'person',
						idempotencyKey: `k-${who.id}-${Math.floor(random() * 60)}-xyzxyz`
					},
					now,
					TZ
				);
				if (r.ok && r.duplicate) duplicates++;
				if (r.ok && !r.duplicate) {
					written.push(r.entryId);
					ok++;
				}
			} else if (roll < 0.8) {
				// A playground contribution straight into the ledger: the student and their class.
				const s = pick(students);
				const [m] = await t.db.select().from(classStudent).where(eq(classStudent.userId, s.id));
				const e = await t.db.transaction((tx) =>
					appendEntry(tx, {
						localDay: today,
						points: 12,
						gramsCollected: 350,
						sourceKind: 'contribution',
						actorId: steward.id,
						personId: s.id,
						classId: m.classId,
						householdId: householdOf(s.id)
					})
				);
				written.push(e.id);
			} else if (written.length) {
				const entryId = pick(written);
				const [e] = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.id, entryId));
				const within = e.classId ? { classId: e.classId } : { householdId: e.householdId! };
				const actor = e.classId ? teacher.id : steward.id;
				await voidEntryAs(t.db, actor, entryId, `random void ${step}`, within, now);
			}
			if (step === 90 || step === 180 || step === 259) {
				expect(await expectRollupsEqualLedger(t.db)).toBeGreaterThan(100);
				expect(await expectBoardsShowScorers(t.db, await periodsSoFar(today))).toBeGreaterThan(20);
			}
		}
		expect(ok).toBeGreaterThan(80);
		expect(duplicates).toBeGreaterThan(5);
		// A replayed key wrote nothing: one action entry per distinct (actor, key).
		const actionEntries = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.sourceKind, 'action'));
		expect(new Set(actionEntries.map((e) => `${e.actorId}:${e.idempotencyKey}`)).size).toBe(
			actionEntries.length
		);
		const reversals = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.sourceKind, 'reversal'));
		expect(reversals.length).toBeGreaterThan(10);
		// Every challenge was raced in, the overlapping two by the same class.
		const raced = await t.db.select().from(rollup).where(eq(rollup.periodKind, 'challenge'));
		for (const id of challengeIds) expect(raced.some((r) => r.periodKey === String(id))).toBe(true);
		expect(raced.filter((r) => r.scopeKind === 'class' && r.scopeId === classes[0].id)).toHaveLength(2);
	});

	it('a reversal mirrors its entry exactly once, and totals return to what they were', async () => {
		const s = await makeUser(t.db, { roles: ['student'] });
		const teacher = await makeUser(t.db, { roles: ['teacher'] });
		const cls = await makeClass(t.db, { teacherIds: [teacher.id], studentIds: [s.id] });
		const before = await getTotals(t.db, 'class', cls.id);
		const e = await t.db.transaction((tx) =>
			appendEntry(tx, {
				localDay: '2026-11-27',
				points: 9,
				gramsAvoided: 4,
				gramsCollected: 2,
				sourceKind: 'bonus',
				actorId: s.id,
				personId: s.id,
				classId: cls.id
			})
		);
		const v = await t.db.transaction((tx) =>
			voidEntry(tx, { entryId: e.id, actorId: teacher.id, reason: 'không đúng' })
		);
		if (!v.ok) throw new Error(v.error);
		expect(v.reversal).toMatchObject({
			points: -9,
			gramsAvoided: -4,
			gramsCollected: -2,
			reverses: e.id,
			localDay: e.localDay,
			classId: cls.id,
			personId: s.id,
			reason: 'không đúng'
		});
		expect(await getTotals(t.db, 'class', cls.id)).toMatchObject({
			points: before.points,
			gramsAvoided: 0,
			entries: 0
		});
		expect(
			(await t.db.transaction((tx) => voidEntry(tx, { entryId: e.id, actorId: teacher.id, reason: 'again' })))
				.ok
		).toBe(false);
		// The original row is untouched: append-only.
		const [original] = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.id, e.id));
		expect(original.points).toBe(9);
		await expectRollupsEqualLedger(t.db);
	});
});
