import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { freshKey } from '../../../../tests/helpers/random';
import { makeClass, makeHousehold, makeStudentWorld, makeUser } from '../../../../tests/helpers/factories';
import { action, actionLog, ledgerEntry } from '$lib/server/db/schema';
import { logActionSchema } from '$lib/schemas/actions';
import { logAction } from './actions';
import { ACTION_RULES } from '$lib/rules/actions';
import { createChallenge } from './challenge-setup';
import { getTotals } from '$lib/server/ledger/ledger';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
// 2026-11-27 12:00 in Vietnam.
const NOON = new Date('2026-11-27T05:00:00Z');

async function actionId(code: string) {
	const [row] = await t.db.select({ id: action.id }).from(action).where(eq(action.code, code));
	return row.id;
}

function log(
	userId: number,
	over: Partial<Parameters<typeof logAction>[2]> & { actionId: number },
	now = NOON
) {
	return logAction(
		t.db,
		userId,
		{ count: 1, day: '2026-11-27', mode: 'person', idempotencyKey: freshKey(), ...over },
		now,
		TZ
	);
}

describe('logging actions', () => {
	it('credits the student, their class and their household, with the impact in grams', async () => {
		const w = await makeStudentWorld(t.db);
		const bottle = await actionId('own-bottle');
		const r = await log(w.student.id, { actionId: bottle });
		expect(r).toMatchObject({ ok: true, duplicate: false, points: 10 });
		for (const [kind, id] of [
			['person', w.student.id],
			['class', w.cls.id],
			['household', w.household.id]
		] as const)
			expect(await getTotals(t.db, kind, id)).toMatchObject({ points: 10, gramsAvoided: 10, entries: 1 });
	});

	it('counts the same submission twice once', async () => {
		const w = await makeStudentWorld(t.db);
		const k = freshKey();
		const first = await log(w.student.id, { actionId: await actionId('own-bottle'), idempotencyKey: k });
		const second = await log(w.student.id, { actionId: await actionId('own-bottle'), idempotencyKey: k });
		expect(second).toMatchObject({ ok: true, duplicate: true });
		expect(first.ok && second.ok && first.entryId === second.entryId).toBe(true);
		expect((await getTotals(t.db, 'person', w.student.id)).points).toBe(10);
		expect(await t.db.select().from(actionLog).where(eq(actionLog.personId, w.student.id))).toHaveLength(1);
	});

	it('counts a double tap (the same submission twice at once) once, though both read before writing', async () => {
		const w = await makeStudentWorld(t.db);
		const k = freshKey();
		const input = { actionId: await actionId('own-bottle'), idempotencyKey: k };
		const [a, b] = await Promise.all([log(w.student.id, input), log(w.student.id, input)]);
		expect([a.ok, b.ok]).toEqual([true, true]);
		expect(a.ok && b.ok && a.entryId === b.entryId).toBe(true);
		expect([a, b].filter((r) => r.ok && r.duplicate)).toHaveLength(1);
		expect((await getTotals(t.db, 'person', w.student.id)).points).toBe(10);
		expect(await t.db.select().from(actionLog).where(eq(actionLog.personId, w.student.id))).toHaveLength(1);
	});

	it('enforces the daily cap per person at the boundary', async () => {
		const w = await makeStudentWorld(t.db);
		const bottle = await actionId('own-bottle'); // cap 2
		expect((await log(w.student.id, { actionId: bottle })).ok).toBe(true);
		expect(await log(w.student.id, { actionId: bottle, count: 2 })).toMatchObject({
			ok: false,
			error: 'actions.cap',
			status: 400,
			params: { cap: 2, left: 1 }
		});
		expect((await log(w.student.id, { actionId: bottle })).ok).toBe(true);
		expect(await log(w.student.id, { actionId: bottle })).toMatchObject({
			ok: false,
			error: 'actions.cap',
			params: { left: 0 }
		});
		// The cap is per day: yesterday still has room.
		expect((await log(w.student.id, { actionId: bottle, day: '2026-11-26', count: 2 })).ok).toBe(true);
		expect((await getTotals(t.db, 'person', w.student.id)).points).toBe(40);
	});

	it('caps household logging per household, whoever of its adults logs', async () => {
		const a = await makeUser(t.db, { roles: ['household'] });
		const b = await makeUser(t.db, { roles: ['household'] });
		const hh = await makeHousehold(t.db, { adultIds: [a.id, b.id] });
		const sort = await actionId('sort-waste'); // cap 1
		expect(await log(a.id, { actionId: sort, mode: 'household' })).toMatchObject({ ok: true, points: 10 });
		expect(await log(b.id, { actionId: sort, mode: 'household' })).toMatchObject({
			ok: false,
			error: 'actions.cap'
		});
		expect((await getTotals(t.db, 'household', hh.id)).points).toBe(10);
		const [entry] = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.householdId, hh.id));
		expect(entry).toMatchObject({ classId: null, personId: a.id });
	});

	it('throttles bursts: the 30th log in 15 minutes passes, the 31st is refused, later it passes again', async () => {
		const w = await makeStudentWorld(t.db);
		const [burst] = await t.db
			.insert(action)
			.values({ nameVi: 'Thử', nameEn: 'Test', points: 1, dailyCap: 50, impactFactorId: 1 })
			.returning();
		for (let i = 0; i < ACTION_RULES.throttle.limit; i++) {
			const r = await log(w.student.id, { actionId: burst.id }, new Date(NOON.getTime() + i * 1000));
			expect(r.ok).toBe(true);
		}
		const refused = await log(w.student.id, { actionId: burst.id }, new Date(NOON.getTime() + 60_000));
		expect(refused).toMatchObject({ ok: false, error: 'actions.throttle', status: 429 });
		// 15 minutes after the first log, the window has room again.
		const later = await log(
			w.student.id,
			{ actionId: burst.id },
			new Date(NOON.getTime() + 15 * 60_000 + 500)
		);
		expect(later.ok).toBe(true);
		expect((await getTotals(t.db, 'person', w.student.id)).entries).toBe(ACTION_RULES.throttle.limit + 1);
	});

	it('uses local days in Asia/Ho_Chi_Minh: 23:59 and 00:01 are different days', async () => {
		const w = await makeStudentWorld(t.db);
		const sort = await actionId('sort-waste'); // cap 1 a day
		const at2359 = new Date('2026-11-27T16:59:00Z'); // 23:59 on the 27th in Vietnam (but still the 27th in UTC too)
		const at0001 = new Date('2026-11-27T17:01:00Z'); // 00:01 on the 28th in Vietnam, still the 27th in UTC
		expect(await log(w.student.id, { actionId: sort, day: '2026-11-28' }, at2359)).toMatchObject({
			ok: false,
			error: 'actions.day.window'
		});
		expect((await log(w.student.id, { actionId: sort, day: '2026-11-27' }, at2359)).ok).toBe(true);
		expect((await log(w.student.id, { actionId: sort, day: '2026-11-28' }, at0001)).ok).toBe(true);
		// The 27th is now yesterday (allowed, but its cap is used); the 26th is out of the window.
		expect(await log(w.student.id, { actionId: sort, day: '2026-11-27' }, at0001)).toMatchObject({
			ok: false,
			error: 'actions.cap'
		});
		expect(await log(w.student.id, { actionId: sort, day: '2026-11-26' }, at0001)).toMatchObject({
			ok: false,
			error: 'actions.day.window'
		});
		const days = await t.db
			.select({ d: ledgerEntry.localDay })
			.from(ledgerEntry)
			.where(eq(ledgerEntry.personId, w.student.id));
		expect(days.map((d) => d.d).sort()).toEqual(['2026-11-27', '2026-11-28']);
	});

	it('refuses bad input and writes nothing', async () => {
		const w = await makeStudentWorld(t.db);
		const other = await makeStudentWorld(t.db);
		const bottle = await actionId('own-bottle');
		for (const count of ['-1', '0', '1.5', 'abc', '21'])
			expect(
				logActionSchema.safeParse({
					actionId: String(bottle),
					count,
					day: '2026-11-27',
					mode: 'person',
					idempotencyKey: freshKey()
				}).success
			).toBe(false);
		expect(await log(w.student.id, { actionId: bottle, householdId: other.household.id })).toMatchObject({
			ok: false,
			error: 'actions.group.notMember',
			status: 403
		});
		expect(await log(w.student.id, { actionId: bottle, classId: other.cls.id })).toMatchObject({
			ok: false,
			error: 'actions.group.notMember',
			status: 403
		});
		expect(await log(w.student.id, { actionId: bottle, mode: 'household' })).toMatchObject({
			ok: false,
			error: 'actions.mode.noHousehold',
			status: 403
		});
		expect(await log(w.parent.id, { actionId: bottle })).toMatchObject({
			ok: false,
			error: 'actions.mode.noClass',
			status: 403
		});
		expect(await log(w.student.id, { actionId: 999_999 })).toMatchObject({
			ok: false,
			error: 'actions.action.notFound'
		});
		expect(await log(w.student.id, { actionId: bottle, day: '2026-11-25' })).toMatchObject({
			ok: false,
			error: 'actions.day.window'
		});
		const [retired] = await t.db
			.insert(action)
			.values({
				nameVi: 'Cũ',
				nameEn: 'Old',
				points: 1,
				dailyCap: 1,
				impactFactorId: 1,
				retiredAt: new Date()
			})
			.returning();
		expect(await log(w.student.id, { actionId: retired.id })).toMatchObject({
			ok: false,
			error: 'actions.action.retired'
		});
		expect(await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.personId, w.student.id))).toHaveLength(
			0
		);
	});

	it('counts a log only in the running challenges of its groups that include the action', async () => {
		const w = await makeStudentWorld(t.db);
		const otherClass = await makeClass(t.db, { teacherIds: [w.teacher.id] });
		const bottle = await actionId('own-bottle');
		const bag = await actionId('refuse-bag');
		const teacher = { id: w.teacher.id, roles: ['teacher'] };
		const mk = (classIds: number[], startDay: string, endDay: string) =>
			createChallenge(
				t.db,
				teacher,
				{
					title: 'Tuần bình nước',
					description: '',
					scope: 'class',
					classIds,
					startDay,
					endDay,
					actions: [{ actionId: bottle, points: 20 }]
				},
				'2026-11-20'
			);
		const ch = await mk([w.cls.id], '2026-11-27', '2026-12-03');
		const other = await mk([otherClass.id], '2026-11-20', '2026-12-03');
		if (!ch.ok || !other.ok) throw new Error('setup');
		const [catalogue] = await t.db
			.select({ points: action.points })
			.from(action)
			.where(eq(action.id, bottle));
		expect(await log(w.student.id, { actionId: bag })).toMatchObject({ ok: true, challenges: [] });
		expect(await log(w.student.id, { actionId: bottle, day: '2026-11-26' })).toMatchObject({
			ok: true,
			challenges: []
		});
		expect(await log(w.student.id, { actionId: bottle })).toMatchObject({
			ok: true,
			points: catalogue.points,
			challenges: [{ challengeId: ch.id, points: 20 }]
		});
		expect((await getTotals(t.db, 'class', w.cls.id, 'challenge', String(ch.id))).points).toBe(20);
		expect((await getTotals(t.db, 'class', otherClass.id, 'challenge', String(other.id))).points).toBe(0);
		expect((await getTotals(t.db, 'person', w.student.id)).entries).toBe(3);
	});
});
