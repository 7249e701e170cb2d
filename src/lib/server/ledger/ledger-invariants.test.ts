import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { prng } from '../../../../tests/helpers/random';
import {
	makeClass,
	makeHousehold,
	makeNeighbourhood,
	makeSchool,
	makeUser
} from '../../../../tests/helpers/factories';
import { action, household, ledgerEntry, rollup, schoolClass } from '$lib/server/db/schema';
import { addDays, localDay, monthKey, weekStart } from '$lib/utils/dates';
import { logAction } from '$lib/server/actions/actions';
import { createChallenge } from '$lib/server/actions/challenge-setup';
import { appendEntry, getTotals, voidEntry } from './ledger';
import { voidEntryAs } from '$lib/server/actions/review';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';

type Entry = typeof ledgerEntry.$inferSelect;

/** Recomputes every rollup cell from the ledger alone and compares it with the stored rollups. */
async function expectRollupsEqualLedger() {
	const entries = await t.db.select().from(ledgerEntry);
	const classes = new Map(
		(await t.db.select({ id: schoolClass.id, schoolId: schoolClass.schoolId }).from(schoolClass)).map((c) => [
			c.id,
			c.schoolId
		])
	);
	const households = new Map(
		(await t.db.select({ id: household.id, nb: household.neighbourhoodId }).from(household)).map((h) => [
			h.id,
			h.nb
		])
	);
	const rows = await t.db.select().from(rollup);
	const kinds = new Set<string>(['week', 'month', 'all', ...rows.map((r) => r.periodKind)]);
	const expected = new Map<
		string,
		{ points: number; gramsAvoided: number; gramsCollected: number; entries: number }
	>();
	const add = (scope: string, id: number, period: string, key: string, e: Entry) => {
		if (!kinds.has(period)) return;
		const k = `${scope}:${id}:${period}:${key}`;
		const cell = expected.get(k) ?? { points: 0, gramsAvoided: 0, gramsCollected: 0, entries: 0 };
		cell.points += e.points;
		cell.gramsAvoided += e.gramsAvoided;
		cell.gramsCollected += e.gramsCollected;
		cell.entries += e.sourceKind === 'reversal' ? -1 : 1;
		expected.set(k, cell);
	};
	for (const e of entries) {
		const scopes: [string, number][] = [];
		if (e.personId) scopes.push(['person', e.personId]);
		if (e.classId) scopes.push(['class', e.classId], ['school', classes.get(e.classId)!]);
		if (e.householdId)
			scopes.push(['household', e.householdId], ['neighbourhood', households.get(e.householdId)!]);
		for (const [s, id] of scopes) {
			add(s, id, 'week', weekStart(e.localDay), e);
			add(s, id, 'month', monthKey(e.localDay), e);
			add(s, id, 'all', 'all', e);
			add(s, id, 'day', e.localDay, e);
			if (e.challengeId) add(s, id, 'challenge', String(e.challengeId), e);
		}
	}
	const stored = new Map(rows.map((r) => [`${r.scopeKind}:${r.scopeId}:${r.periodKind}:${r.periodKey}`, r]));
	let compared = 0;
	for (const [k, cell] of expected) {
		const row = stored.get(k);
		expect(row, `missing rollup ${k}`).toBeDefined();
		expect({
			k,
			points: row!.points,
			gramsAvoided: row!.gramsAvoided,
			gramsCollected: row!.gramsCollected,
			entries: row!.entries
		}).toEqual({ k, ...cell });
		compared++;
	}
	for (const k of stored.keys()) expect(expected.has(k), `rollup ${k} has no ledger entries`).toBe(true);
	return compared;
}

describe('ledger invariants', () => {
	it('keeps every rollup equal to the sum of the ledger over a randomised sequence of logs and voids', async () => {
		const random = prng(20261128);
		const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
		const teacher = await makeUser(t.db, { roles: ['teacher'] });
		const steward = await makeUser(t.db, { roles: ['steward'] });
		const sch = await makeSchool(t.db);
		const nb = await makeNeighbourhood(t.db, { stewardIds: [steward.id] });
		const students = await Promise.all(
			Array.from({ length: 6 }, () => makeUser(t.db, { roles: ['student'] }))
		);
		const adults = await Promise.all(
			Array.from({ length: 3 }, () => makeUser(t.db, { roles: ['household'] }))
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
		for (let i = 0; i < 3; i++)
			await makeHousehold(t.db, {
				neighbourhoodId: nb.id,
				adultIds: [adults[i].id],
				studentIds: [students[i * 2].id]
			});
		const actions = await t.db.select({ id: action.id }).from(action);
		const ch = await createChallenge(
			t.db,
			{ id: teacher.id, roles: ['teacher'] },
			{
				title: 'Thử thách',
				description: '',
				scope: 'school',
				classIds: [],
				schoolId: sch.id,
				startDay: '2026-10-20',
				endDay: '2026-11-10',
				actions: actions.slice(0, 4).map((a) => ({ actionId: a.id, points: 7 }))
			},
			'2026-10-01'
		);
		if (!ch.ok) throw new Error(ch.error);

		const start = new Date('2026-10-10T03:00:00Z');
		const written: number[] = [];
		let ok = 0;
		let duplicates = 0;
		for (let step = 0; step < 260; step++) {
			// Walk the clock forward across weeks and a month boundary, at random hours.
			const now = new Date(start.getTime() + step * 4 * 3600_000 + Math.floor(random() * 3600_000));
			const today = localDay(now, TZ);
			const roll = random();
			if (roll < 0.7) {
				const adult = random() < 0.25;
				const who = adult ? pick(adults) : pick(students);
				const act = pick(actions);
				const day = random() < 0.3 ? addDays(today, -1) : today;
				const inChallenge = !adult && random() < 0.5;
				const r = await logAction(
					t.db,
					who.id,
					{
						actionId: act.id,
						count: 1 + Math.floor(random() * 2),
						day,
						mode: adult ? 'household' : 'person',
						challengeId: inChallenge ? ch.id : undefined,
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
				// Another source of points (a check-in or a playground contribution) straight into the ledger.
				const s = pick(students);
				const [cls] = classes.filter((c) => students.indexOf(s) < 3 === (c.id === classes[0].id));
				const e = await t.db.transaction((tx) =>
					appendEntry(
						tx,
						random() < 0.5
							? {
									localDay: today,
									points: 5,
									gramsAvoided: 10,
									sourceKind: 'checkin',
									actorId: s.id,
									personId: s.id,
									classId: cls.id
								}
							: {
									localDay: today,
									points: 12,
									gramsCollected: 350,
									sourceKind: 'contribution',
									actorId: steward.id,
									personId: s.id,
									classId: cls.id
								}
					)
				);
				written.push(e.id);
			} else if (written.length) {
				const entryId = pick(written);
				const [e] = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.id, entryId));
				if (e.classId)
					await voidEntryAs(t.db, teacher.id, entryId, `random void ${step}`, { classId: e.classId }, now);
				else if (e.householdId)
					await voidEntryAs(
						t.db,
						steward.id,
						entryId,
						`random void ${step}`,
						{ householdId: e.householdId },
						now
					);
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
		expect(await expectRollupsEqualLedger()).toBeGreaterThan(200);
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
		await expectRollupsEqualLedger();
	});
});
