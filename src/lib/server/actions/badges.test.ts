import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeClass, makeStudentWorld, makeUser } from '../../../../tests/helpers/factories';
import { action, badgeAward, challenge, classStudent } from '$lib/server/db/schema';
import { logAction } from './actions';
import { awardChallengeWinners, badgesOf, classBadgeFeed, hasRun } from './badges';
import { settleDueChallenges } from './consequences';
import { createChallenge } from './challenge-setup';
import { appendEntry } from '$lib/server/ledger/ledger';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
let n = 0;
const key = () => `badge-key-${++n}-abcdef`;
const idOf = async (code: string) =>
	(await t.db.select({ id: action.id }).from(action).where(eq(action.code, code)))[0].id;
const at = (day: string) => new Date(`${day}T05:00:00Z`);

describe('badges', () => {
	it('finds runs of consecutive days', () => {
		expect(hasRun(['2026-11-01', '2026-11-02', '2026-11-03'], 3)).toBe(true);
		expect(hasRun(['2026-11-01', '2026-11-02', '2026-11-04'], 3)).toBe(false);
		expect(hasRun(['2026-11-30', '2026-12-01', '2026-11-29', '2026-11-30'], 3)).toBe(true);
	});

	it('awards first action once, a 7-day streak on the 7th day only, and point milestones once', async () => {
		const w = await makeStudentWorld(t.db);
		const litter = await idOf('pick-litter'); // 15 points, cap 2
		const days = [
			'2026-11-01',
			'2026-11-02',
			'2026-11-03',
			'2026-11-04',
			'2026-11-05',
			'2026-11-06',
			'2026-11-07'
		];
		const awarded: string[][] = [];
		for (const day of days) {
			const r = await logAction(
				t.db,
				w.student.id,
				{ actionId: litter, count: 1, day, mode: 'person', idempotencyKey: key() },
				at(day),
				TZ
			);
			if (!r.ok) throw new Error(r.error);
			awarded.push(r.badges);
		}
		expect(awarded[0]).toEqual(['first_action']);
		expect(awarded.slice(1, 6).flat()).toEqual([]);
		// 7 days × 15 = 105 points: the streak and the 100-point milestone arrive together.
		expect(awarded[6].sort()).toEqual(['points_100', 'streak_7']);
		const more = await logAction(
			t.db,
			w.student.id,
			{ actionId: litter, count: 1, day: '2026-11-08', mode: 'person', idempotencyKey: key() },
			at('2026-11-08'),
			TZ
		);
		expect(more.ok && more.badges).toEqual([]);
		const mine = await badgesOf(t.db, w.student.id);
		expect(mine.map((b) => b.badge).sort()).toEqual(['first_action', 'points_100', 'streak_7']);
		const rows = await t.db.select().from(badgeAward).where(eq(badgeAward.userId, w.student.id));
		expect(rows).toHaveLength(3);
	});

	it('settles the challenge winner once, by the first write after the challenge closes, ties included', async () => {
		const w = await makeStudentWorld(t.db);
		const rival = await makeClass(t.db, { schoolId: w.cls.schoolId, teacherIds: [w.teacher.id] });
		const third = await makeClass(t.db, { schoolId: w.cls.schoolId, teacherIds: [w.teacher.id] });
		const rivalStudent = await makeUser(t.db, { roles: ['student'] });
		await t.db.insert(classStudent).values({ classId: rival.id, userId: rivalStudent.id });
		const bottle = await idOf('own-bottle');
		const created = await createChallenge(
			t.db,
			{ id: w.teacher.id, roles: ['teacher'] },
			{
				title: 'Tuần lễ',
				description: '',
				scope: 'class',
				classIds: [w.cls.id, rival.id, third.id],
				startDay: '2026-11-02',
				endDay: '2026-11-08',
				actions: [{ actionId: bottle, points: 10 }]
			},
			'2026-11-01'
		);
		if (!created.ok) throw new Error(created.error);
		for (const s of [w.student.id, rivalStudent.id])
			await logAction(
				t.db,
				s,
				{
					actionId: bottle,
					count: 2,
					day: '2026-11-03',
					mode: 'person',
					idempotencyKey: key()
				},
				at('2026-11-03'),
				TZ
			);
		const winners = () => t.db.select().from(badgeAward).where(eq(badgeAward.badge, 'challenge_winner'));
		// The day after the end, yesterday's logs still count: nothing is settled yet.
		expect(await t.db.transaction((tx) => settleDueChallenges(tx, '2026-11-09', at('2026-11-09')))).toEqual(
			[]
		);
		expect(await winners()).toHaveLength(0);
		// The first write once the challenge is closed settles it, in that write's transaction.
		await logAction(
			t.db,
			w.student.id,
			{ actionId: bottle, count: 1, day: '2026-11-10', mode: 'person', idempotencyKey: key() },
			at('2026-11-10'),
			TZ
		);
		const [ch] = await t.db.select().from(challenge).where(eq(challenge.id, created.id));
		expect(ch.settledOn).toBe('2026-11-10');
		await logAction(
			t.db,
			rivalStudent.id,
			{ actionId: bottle, count: 1, day: '2026-11-11', mode: 'person', idempotencyKey: key() },
			at('2026-11-11'),
			TZ
		);
		expect((await winners()).map((b) => b.classId).sort()).toEqual([w.cls.id, rival.id].sort());
		const feed = await classBadgeFeed(t.db, w.cls.id);
		expect(feed.map((b) => b.badge)).toContain('challenge_winner');
		expect(feed.find((b) => b.badge === 'first_action')?.nickname).toBe(w.student.nickname);
		expect(feed.find((b) => b.badge === 'challenge_winner')?.challengeTitle).toBe('Tuần lễ');
	});

	it('gives no winner when nobody scored', async () => {
		const w = await makeStudentWorld(t.db);
		const created = await createChallenge(
			t.db,
			{ id: w.teacher.id, roles: ['teacher'] },
			{
				title: 'Trống',
				description: '',
				scope: 'class',
				classIds: [w.cls.id],
				startDay: '2026-11-02',
				endDay: '2026-11-08',
				actions: [{ actionId: await idOf('no-straw'), points: 3 }]
			},
			'2026-11-01'
		);
		if (!created.ok) throw new Error(created.error);
		await t.db.transaction((tx) =>
			appendEntry(tx, {
				localDay: '2026-11-03',
				points: 5,
				sourceKind: 'bonus',
				actorId: w.teacher.id,
				classId: w.cls.id
			})
		);
		const [ch] = await t.db.select().from(challenge).where(eq(challenge.id, created.id));
		await awardChallengeWinners(t.db, ch, at('2026-11-20'));
		expect(await t.db.select().from(badgeAward).where(eq(badgeAward.classId, w.cls.id))).toHaveLength(0);
	});
});
