import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld, makeUser } from '../../../../tests/helpers/factories';
import { action, badgeAward, classGoal, classStudent } from '$lib/server/db/schema';
import { createGoalSchemaFor } from '$lib/schemas/goals';
import { logAction } from './actions';
import { appendEntry, voidEntry } from '$lib/server/ledger/ledger';
import { createGoal, goalProgress, listGoals } from './goals';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
const at = (day: string) => new Date(`${day}T05:00:00Z`);
let n = 0;
const key = () => `goal-key-${++n}-abcdef`;
const idOf = async (code: string) =>
	(await t.db.select({ id: action.id }).from(action).where(eq(action.code, code)))[0].id;

async function goal(
	classId: number,
	teacherId: number,
	metric: 'points' | 'action_count' | 'kg_collected' | 'checkins',
	target: number,
	today: string,
	actionId?: number
) {
	const parsed = createGoalSchemaFor(today).parse({
		metric,
		target: String(target),
		deadline: '2026-11-30',
		actionId: actionId ? String(actionId) : ''
	});
	const r = await createGoal(t.db, classId, teacherId, parsed, today);
	if (!r.ok) throw new Error(r.error);
	const [row] = await t.db.select().from(classGoal).where(eq(classGoal.id, r.id));
	return row;
}

describe('class goals', () => {
	it('tracks cumulative points day by day, nets out voids, and awards the class badge once when reached', async () => {
		const w = await makeStudentWorld(t.db);
		const g = await goal(w.cls.id, w.teacher.id, 'points', 30, '2026-11-25');
		const bottle = await idOf('own-bottle');
		await logAction(
			t.db,
			w.student.id,
			{ actionId: bottle, count: 1, day: '2026-11-25', mode: 'person', idempotencyKey: key() },
			at('2026-11-25'),
			TZ
		);
		const second = await logAction(
			t.db,
			w.student.id,
			{ actionId: bottle, count: 1, day: '2026-11-26', mode: 'person', idempotencyKey: key() },
			at('2026-11-26'),
			TZ
		);
		let p = await goalProgress(t.db, g, '2026-11-27');
		expect(p.series).toEqual([
			{ day: '2026-11-25', value: 10 },
			{ day: '2026-11-26', value: 20 },
			{ day: '2026-11-27', value: 20 }
		]);
		expect(p).toMatchObject({ current: 20, percent: 66, reached: false, state: 'open' });
		if (!second.ok) throw new Error();
		await t.db.transaction((tx) =>
			voidEntry(tx, { entryId: second.entryId, actorId: w.teacher.id, reason: 'x' })
		);
		p = await goalProgress(t.db, g, '2026-11-27');
		expect(p.current).toBe(10);
		// Two more bottles on the 27th reach 30: the class gets its badge, once.
		await logAction(
			t.db,
			w.student.id,
			{ actionId: bottle, count: 2, day: '2026-11-27', mode: 'person', idempotencyKey: key() },
			at('2026-11-27'),
			TZ
		);
		const [reloaded] = await t.db.select().from(classGoal).where(eq(classGoal.id, g.id));
		expect(reloaded.reachedOn).toBe('2026-11-27');
		await listGoals(t.db, w.cls.id, '2026-11-28');
		await listGoals(t.db, w.cls.id, '2026-11-29');
		const badges = await t.db.select().from(badgeAward).where(eq(badgeAward.classId, w.cls.id));
		expect(badges.map((b) => [b.badge, b.refKey])).toEqual([['class_goal', String(g.id)]]);
	});

	it('counts one action, kg collected and check-ins for the class only', async () => {
		const w = await makeStudentWorld(t.db);
		const classmate = await makeUser(t.db, { roles: ['student'] });
		await t.db.insert(classStudent).values({ classId: w.cls.id, userId: classmate.id });
		const outsider = await makeStudentWorld(t.db);
		const bag = await idOf('refuse-bag');
		const count = await goal(w.cls.id, w.teacher.id, 'action_count', 5, '2026-11-26', bag);
		const kg = await goal(w.cls.id, w.teacher.id, 'kg_collected', 1.5, '2026-11-26');
		expect(kg.target).toBe(1500);
		const checkins = await goal(w.cls.id, w.teacher.id, 'checkins', 3, '2026-11-26');
		for (const who of [w.student.id, classmate.id, outsider.student.id])
			await logAction(
				t.db,
				who,
				{ actionId: bag, count: 2, day: '2026-11-26', mode: 'person', idempotencyKey: key() },
				at('2026-11-26'),
				TZ
			);
		await logAction(
			t.db,
			w.student.id,
			{
				actionId: await idOf('no-straw'),
				count: 3,
				day: '2026-11-26',
				mode: 'person',
				idempotencyKey: key()
			},
			at('2026-11-26'),
			TZ
		);
		const entries = await t.db.transaction(async (tx) => [
			await appendEntry(tx, {
				localDay: '2026-11-26',
				points: 10,
				gramsCollected: 800,
				sourceKind: 'contribution',
				actorId: w.teacher.id,
				personId: w.student.id,
				classId: w.cls.id
			}),
			await appendEntry(tx, {
				localDay: '2026-11-27',
				points: 10,
				gramsCollected: 400,
				sourceKind: 'contribution',
				actorId: w.teacher.id,
				personId: classmate.id,
				classId: w.cls.id
			}),
			await appendEntry(tx, {
				localDay: '2026-11-27',
				points: 10,
				gramsCollected: 999,
				sourceKind: 'contribution',
				actorId: w.teacher.id,
				personId: outsider.student.id,
				classId: outsider.cls.id
			}),
			await appendEntry(tx, {
				localDay: '2026-11-26',
				points: 2,
				sourceKind: 'checkin',
				actorId: w.student.id,
				personId: w.student.id,
				classId: w.cls.id
			}),
			await appendEntry(tx, {
				localDay: '2026-11-27',
				points: 2,
				sourceKind: 'checkin',
				actorId: classmate.id,
				personId: classmate.id,
				classId: w.cls.id
			}),
			await appendEntry(tx, {
				localDay: '2026-11-27',
				points: 2,
				sourceKind: 'checkin',
				actorId: w.student.id,
				personId: w.student.id,
				classId: w.cls.id
			})
		]);
		await t.db.transaction((tx) =>
			voidEntry(tx, { entryId: entries[5].id, actorId: w.teacher.id, reason: 'hai lần' })
		);
		expect((await goalProgress(t.db, count, '2026-11-27')).current).toBe(4);
		expect((await goalProgress(t.db, kg, '2026-11-27')).series.map((s) => s.value)).toEqual([800, 1200]);
		expect((await goalProgress(t.db, checkins, '2026-11-27')).current).toBe(2);
		const list = await listGoals(t.db, w.cls.id, '2026-11-27');
		expect(list.map((g) => g.state)).toEqual(['open', 'open', 'open']);
		expect(list.find((g) => g.goal.metric === 'action_count')?.actionName?.en).toBe('Refused a plastic bag');
	});

	it('refuses a deadline in the past, a count goal without an action and bad targets', async () => {
		const w = await makeStudentWorld(t.db);
		const schema = createGoalSchemaFor('2026-11-27');
		const same = schema.parse({
			metric: 'points',
			target: '100',
			deadline: '2026-12-20',
			formKey: 'goal-form-key-1'
		});
		const first = await createGoal(t.db, w.cls.id, w.teacher.id, same, '2026-11-27');
		expect(await createGoal(t.db, w.cls.id, w.teacher.id, same, '2026-11-27')).toEqual(first);
		expect(await t.db.select().from(classGoal).where(eq(classGoal.classId, w.cls.id))).toHaveLength(1);
		// A second form with the same values is a second goal.
		expect(
			await createGoal(t.db, w.cls.id, w.teacher.id, { ...same, formKey: 'goal-form-key-2' }, '2026-11-27')
		).not.toEqual(first);
		// Parsed on an earlier day: the service checks the deadline against its own today again.
		const parsed = createGoalSchemaFor('2026-11-01').parse({
			metric: 'points',
			target: '100',
			deadline: '2026-11-20'
		});
		expect(await createGoal(t.db, w.cls.id, w.teacher.id, parsed, '2026-11-27')).toEqual({
			ok: false,
			error: 'goals.deadline.past'
		});
		expect(
			schema.safeParse({
				metric: 'action_count',
				target: '5',
				deadline: '2026-12-01',
				actionId: ''
			}).success
		).toBe(false);
		for (const target of ['-5', '0', '2.5', 'many', '1e9', '1e12'])
			expect(schema.safeParse({ metric: 'points', target, deadline: '2026-12-01' }).success).toBe(false);
		expect(schema.safeParse({ metric: 'kg_collected', target: '2.5', deadline: '2026-12-01' }).success).toBe(
			true
		);
		expect(schema.safeParse({ metric: 'kg_collected', target: '2.55', deadline: '2026-12-01' }).success).toBe(
			false
		);
	});

	it('refuses a deadline more than a year ahead and absurd targets, naming the bound, and writes nothing', async () => {
		const w = await makeStudentWorld(t.db);
		const today = '2026-11-27';
		const schema = createGoalSchemaFor(today);
		const issue = (input: Record<string, string>) => {
			const r = schema.safeParse({ metric: 'points', target: '100', deadline: '2026-12-20', ...input });
			return r.success ? null : r.error.issues.map((i) => [i.path[0], i.message]);
		};
		expect(issue({ deadline: '9999-12-31' })).toEqual([['deadline', 'goals.deadline.tooFar']]);
		expect(issue({ deadline: '2027-11-27' })).toBeNull();
		expect(issue({ deadline: '2027-11-28' })).toEqual([['deadline', 'goals.deadline.tooFar']]);
		expect(issue({ target: '0' })).toEqual([['target', 'goals.target.range']]);
		expect(issue({ target: '1000000000000' })).toEqual([['target', 'goals.target.range']]);
		// The service holds the same line for a caller that skipped the schema.
		const input = { metric: 'points' as const, target: 100, deadline: '9999-12-31' };
		expect(await createGoal(t.db, w.cls.id, w.teacher.id, input, today)).toEqual({
			ok: false,
			error: 'goals.deadline.tooFar'
		});
		expect(
			await createGoal(
				t.db,
				w.cls.id,
				w.teacher.id,
				{ ...input, deadline: '2026-12-20', target: 1e12 },
				today
			)
		).toEqual({ ok: false, error: 'goals.target.range' });
		expect(await t.db.select().from(classGoal).where(eq(classGoal.classId, w.cls.id))).toEqual([]);
	});

	it('reads progress of a stored goal with an absurd deadline in bounded work', async () => {
		const w = await makeStudentWorld(t.db);
		const [g] = await t.db
			.insert(classGoal)
			.values({
				classId: w.cls.id,
				metric: 'points',
				target: 50,
				startDay: '2026-11-20',
				deadline: '9999-12-31'
			})
			.returning();
		const p = await goalProgress(t.db, g, '2026-11-27');
		expect(p.series).toHaveLength(8);
		expect(p.state).toBe('open');
		const list = await listGoals(t.db, w.cls.id, '2026-11-27');
		expect(list.map((x) => x.goal.id)).toEqual([g.id]);
	});
});
