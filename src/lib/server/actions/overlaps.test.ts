import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeClass, makeHousehold, makeNeighbourhood, makeUser } from '../../../../tests/helpers/factories';
import { action, challenge } from '$lib/server/db/schema';
import { getTotals } from '$lib/server/ledger/ledger';
import { logAction } from './actions';
import { createChallenge } from './challenge-setup';
import { challengeStandings } from './challenges';

// Regression tests for issue 11: a new challenge silently took credit from one already running.

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
const TODAY = '2026-11-25';
const at = new Date('2026-11-25T05:00:00Z');
let n = 0;
const key = () => `ov-key-${++n}-abcdef`;
const idOf = async (code: string) =>
	(await t.db.select({ id: action.id }).from(action).where(eq(action.code, code)))[0].id;

async function world() {
	const teacher = await makeUser(t.db, { roles: ['teacher'] });
	const student = await makeUser(t.db, { roles: ['student'] });
	const cls = await makeClass(t.db, { teacherIds: [teacher.id], studentIds: [student.id] });
	const lunch = await idOf('lunch-box');
	const bag = await idOf('refuse-bag');
	const make = (title: string, points: [number, number][], confirmOverlap = false) =>
		createChallenge(
			t.db,
			{ id: teacher.id, roles: ['teacher'] },
			{
				title,
				description: '',
				scope: 'class',
				classIds: [cls.id],
				startDay: '2026-11-23',
				endDay: '2026-11-29',
				confirmOverlap,
				actions: points.map(([actionId, p]) => ({ actionId, points: p }))
			},
			TODAY
		);
	return { teacher, student, cls, lunch, bag, make };
}

const standingOf = async (challengeId: number, classId: number) => {
	const [ch] = await t.db.select().from(challenge).where(eq(challenge.id, challengeId));
	return (await challengeStandings(t.db, ch)).find((s) => s.id === classId)?.points;
};

describe('overlapping challenges all count', () => {
	it("an action counts in every running challenge that includes it, each at its own points, and once in the person's total", async () => {
		const w = await world();
		const school = await w.make('Bữa trưa không hộp xốp', [[w.lunch, 15]]);
		if (!school.ok) throw new Error(school.error);
		const week = await w.make(
			'Tuần lễ không túi nilon 6A1',
			[
				[w.lunch, 10],
				[w.bag, 5]
			],
			true
		);
		if (!week.ok) throw new Error(week.error);
		const r = await logAction(
			t.db,
			w.student.id,
			{ actionId: w.lunch, count: 2, day: TODAY, mode: 'person', idempotencyKey: key() },
			at,
			TZ
		);
		if (!r.ok) throw new Error(r.error);
		expect(await standingOf(school.id, w.cls.id)).toBe(30);
		expect(await standingOf(week.id, w.cls.id)).toBe(20);
		const [lunch] = await t.db.select({ points: action.points }).from(action).where(eq(action.id, w.lunch));
		expect((await getTotals(t.db, 'person', w.student.id, 'all', 'all')).points).toBe(lunch.points * 2);
		expect((await getTotals(t.db, 'class', w.cls.id, 'all', 'all')).points).toBe(lunch.points * 2);
	});

	it('a household action counts in the neighbourhood challenge and the class one alike', async () => {
		const w = await world();
		const steward = await makeUser(t.db, { roles: ['steward'] });
		const nb = await makeNeighbourhood(t.db, { stewardIds: [steward.id] });
		const hh = await makeHousehold(t.db, { neighbourhoodId: nb.id, studentIds: [w.student.id] });
		const street = await createChallenge(
			t.db,
			{ id: steward.id, roles: ['steward'] },
			{
				title: 'Khu phố nói không với túi nilon',
				description: '',
				scope: 'neighbourhood',
				classIds: [],
				neighbourhoodId: nb.id,
				startDay: '2026-11-20',
				endDay: '2026-11-30',
				actions: [{ actionId: w.bag, points: 8 }]
			},
			TODAY
		);
		const cls = await w.make('Túi vải', [[w.bag, 6]]);
		if (!street.ok || !cls.ok) throw new Error('not created');
		const r = await logAction(
			t.db,
			w.student.id,
			{ actionId: w.bag, count: 1, day: TODAY, mode: 'person', idempotencyKey: key() },
			at,
			TZ
		);
		if (!r.ok) throw new Error(r.error);
		expect(await standingOf(cls.id, w.cls.id)).toBe(6);
		const [ch] = await t.db.select().from(challenge).where(eq(challenge.id, street.id));
		expect((await challengeStandings(t.db, ch)).find((s) => s.id === hh.id)?.points).toBe(8);
	});

	it('a teacher creating a challenge that overlaps a running one is shown which, and nothing is written until she confirms', async () => {
		const w = await world();
		const first = await w.make('Bữa trưa không hộp xốp', [[w.lunch, 15]]);
		if (!first.ok) throw new Error(first.error);
		const before = await t.db.select({ id: challenge.id }).from(challenge);
		const second = await w.make('Tuần lễ không túi nilon 6A1', [
			[w.lunch, 10],
			[w.bag, 5]
		]);
		expect(second).toMatchObject({
			ok: false,
			error: 'challenges.overlap.confirm',
			overlaps: [
				{ id: first.id, title: 'Bữa trưa không hộp xốp', sharedActions: [{ en: expect.any(String) }] }
			]
		});
		expect(await t.db.select({ id: challenge.id }).from(challenge)).toEqual(before);
	});
});
