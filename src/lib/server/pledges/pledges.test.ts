import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { freshKey } from '../../../../tests/helpers/random';
import { makeStudentWorld, makeUser } from '../../../../tests/helpers/factories';
import { guardianLink } from '$lib/server/db/schema';
import { badgeAward, ledgerEntry, pledge, pledgeCheckin } from '$lib/server/db/schema';
import type { CreatePledgeInput } from '$lib/schemas/pledges';
import { addDays } from '$lib/utils/dates';
import { getTotals } from '$lib/server/ledger/ledger';
import { checkIn, createPledge, endPledge, pledgeAccess } from './pledges';
import { PLEDGE_BADGE } from '$lib/domain/badges';
import { getPledge, pledgeImpact } from './queries';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
/** 10:00 in Hà Nội on `day` (03:00 UTC). */
const at = (day: string) => new Date(`${day}T03:00:00Z`);

const input = (over: Partial<CreatePledgeInput> = {}): CreatePledgeInput => ({
	owner: 'me',
	item: 'bottle',
	customName: null,
	customGrams: null,
	usesPerDay: 2,
	days: 7,
	untilDay: null,
	idempotencyKey: freshKey(),
	...over
});

async function newPledge(userId: number, start: string, over: Partial<CreatePledgeInput> = {}) {
	const r = await createPledge(t.db, userId, input(over), at(start), TZ);
	if (!r.ok) throw new Error(r.error);
	return r.pledgeId;
}

const check = (
	userId: number,
	pledgeId: number,
	today: string,
	day: 'today' | 'yesterday' = 'today',
	n = 2,
	idempotencyKey = freshKey()
) => checkIn(t.db, userId, { pledgeId, day, count: n, idempotencyKey }, at(today), TZ);

async function entriesFor(pledgeId: number) {
	const ids = (
		await t.db
			.select({ id: pledgeCheckin.id })
			.from(pledgeCheckin)
			.where(eq(pledgeCheckin.pledgeId, pledgeId))
	).map((r) => r.id);
	const checkins = (
		await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.sourceKind, 'checkin'))
	).filter((e) => ids.includes(e.sourceId!));
	const bonuses = await t.db
		.select()
		.from(ledgerEntry)
		.where(and(eq(ledgerEntry.sourceKind, 'bonus'), eq(ledgerEntry.sourceId, pledgeId)));
	return { checkins: ids.length, entries: checkins.length, bonuses };
}

describe('pledges', () => {
	it('a check-in credits person, class and household with points and grams', async () => {
		const w = await makeStudentWorld(t.db);
		const id = await newPledge(w.student.id, '2026-11-20');
		const r = await check(w.student.id, id, '2026-11-20', 'today', 3);
		expect(r).toMatchObject({ ok: true, day: '2026-11-20', completed: false });
		for (const [kind, scopeId] of [
			['person', w.student.id],
			['class', w.cls.id],
			['household', w.household.id]
		] as const) {
			expect(await getTotals(t.db, kind, scopeId)).toMatchObject({ points: 5, gramsAvoided: 30 });
		}
	});

	it('a household pledge is made by an adult, and checking in credits the household and the person, not a class', async () => {
		const w = await makeStudentWorld(t.db);
		expect(
			await createPledge(t.db, w.student.id, input({ owner: 'household' }), at('2026-11-20'), TZ)
		).toMatchObject({ ok: false, status: 403 });
		const id = await newPledge(w.parent.id, '2026-11-20', { owner: 'household', item: 'bag' });
		const r = await check(w.student.id, id, '2026-11-20', 'today', 4);
		expect(r.ok).toBe(true);
		expect(await getTotals(t.db, 'household', w.household.id)).toMatchObject({ points: 5, gramsAvoided: 20 });
		expect(await getTotals(t.db, 'person', w.student.id)).toMatchObject({ points: 5 });
		expect((await getTotals(t.db, 'class', w.cls.id)).points).toBe(0);
		const outsider = await makeUser(t.db, { roles: ['household'] });
		expect(await check(outsider.id, id, '2026-11-20', 'yesterday')).toMatchObject({ ok: false, status: 403 });
	});

	it('uses the app time zone: 00:30 in Hà Nội is already the next day', async () => {
		const w = await makeStudentWorld(t.db);
		const id = await newPledge(w.student.id, '2026-11-30');
		// 17:30 UTC on 30 Nov is 00:30 on 1 Dec in Hà Nội.
		const r = await checkIn(
			t.db,
			w.student.id,
			{ pledgeId: id, day: 'today', count: 1, idempotencyKey: freshKey() },
			new Date('2026-11-30T17:30:00Z'),
			TZ
		);
		expect(r).toMatchObject({ ok: true, day: '2026-12-01' });
		// ...so "yesterday" at that moment is 30 Nov, the start day, and still open.
		const y = await checkIn(
			t.db,
			w.student.id,
			{ pledgeId: id, day: 'yesterday', count: 1, idempotencyKey: freshKey() },
			new Date('2026-11-30T17:30:00Z'),
			TZ
		);
		expect(y).toMatchObject({ ok: true, day: '2026-11-30' });
	});

	it('refuses bad check-ins with a reason and writes nothing', async () => {
		const w = await makeStudentWorld(t.db);
		const other = await makeStudentWorld(t.db);
		const id = await newPledge(w.student.id, '2026-11-20');
		const before = await entriesFor(id);
		expect(await check(w.student.id, id, '2026-11-20', 'yesterday')).toMatchObject({
			ok: false,
			error: 'pledge.error.beforeStart'
		});
		expect(await check(other.student.id, id, '2026-11-20')).toMatchObject({
			ok: false,
			error: 'pledge.error.notYours'
		});
		expect(await check(w.student.id, 999999, '2026-11-20')).toMatchObject({
			ok: false,
			error: 'pledge.error.notFound'
		});
		expect(await check(w.student.id, id, '2026-11-28')).toMatchObject({
			ok: false,
			error: 'pledge.error.afterEnd'
		}); // ends 26 Nov
		expect(await entriesFor(id)).toEqual(before);
		expect(await check(w.student.id, id, '2026-11-21')).toMatchObject({ ok: true });
		expect(await check(w.student.id, id, '2026-11-21')).toMatchObject({
			ok: false,
			error: 'pledge.error.already',
			status: 409
		});
		expect(await entriesFor(id)).toMatchObject({ checkins: 1, entries: 1 });
		expect(await endPledge(t.db, other.student.id, id, at('2026-11-22'), TZ)).toMatchObject({
			ok: false,
			status: 403
		});
		expect(await endPledge(t.db, w.student.id, id, at('2026-11-22'), TZ)).toEqual({ ok: true });
		expect(await check(w.student.id, id, '2026-11-22')).toMatchObject({
			ok: false,
			error: 'pledge.error.ended'
		});
		expect((await getTotals(t.db, 'person', w.student.id)).points).toBe(5); // what was earned stays
	});

	it('refuses an "until" date out of range, too many new pledges a day and too many running', async () => {
		const w = await makeStudentWorld(t.db);
		const until = (d: string) =>
			createPledge(t.db, w.student.id, input({ days: null, untilDay: d }), at('2026-11-20'), TZ);
		expect(await until('2026-11-20')).toMatchObject({ ok: false, field: 'untilDay' }); // one day only
		expect(await until('2027-03-01')).toMatchObject({ ok: false, field: 'untilDay' }); // > 90 days
		expect(await until('2026-11-19')).toMatchObject({ ok: false, field: 'untilDay' });
		expect(await until('2026-12-24')).toMatchObject({ ok: true });
		await newPledge(w.student.id, '2026-11-20');
		await newPledge(w.student.id, '2026-11-20');
		// A fourth new pledge the same day is refused (ending and restarting must not farm points)...
		expect(await createPledge(t.db, w.student.id, input(), at('2026-11-20'), TZ)).toMatchObject({
			ok: false,
			error: 'pledge.error.tooManyToday'
		});
		for (let i = 0; i < 3; i++) await newPledge(w.student.id, '2026-11-21');
		// ...and so is a seventh running pledge.
		expect(await createPledge(t.db, w.student.id, input(), at('2026-11-22'), TZ)).toMatchObject({
			ok: false,
			error: 'pledge.error.tooMany'
		});
	});

	it('the same form submitted twice creates one pledge and one check-in', async () => {
		const w = await makeStudentWorld(t.db);
		const form = input();
		const a = await createPledge(t.db, w.student.id, form, at('2026-11-20'), TZ);
		const b = await createPledge(t.db, w.student.id, form, at('2026-11-20'), TZ);
		expect(b).toMatchObject({ ok: true, duplicate: true, pledgeId: a.ok ? a.pledgeId : -1 });
		const id = a.ok ? a.pledgeId : 0;
		const k = freshKey();
		expect(await check(w.student.id, id, '2026-11-20', 'today', 2, k)).toMatchObject({
			ok: true,
			duplicate: false
		});
		expect(await check(w.student.id, id, '2026-11-20', 'today', 2, k)).toMatchObject({
			ok: true,
			duplicate: true
		});
		expect(await entriesFor(id)).toMatchObject({ checkins: 1, entries: 1 });
	});

	it('two concurrent check-ins for the same day: exactly one wins, one ledger entry', async () => {
		const w = await makeStudentWorld(t.db);
		const id = await newPledge(w.student.id, '2026-11-20', { owner: 'me' });
		const results = await Promise.all([
			check(w.student.id, id, '2026-11-21'),
			check(w.student.id, id, '2026-11-21')
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([
			expect.objectContaining({ error: 'pledge.error.already', status: 409 })
		]);
		expect(await entriesFor(id)).toMatchObject({ checkins: 1, entries: 1 });
		expect((await getTotals(t.db, 'person', w.student.id)).points).toBe(5);
	});

	it('pays the completion bonus and the badge exactly once, even when the last two days race', async () => {
		const w = await makeStudentWorld(t.db);
		const start = '2026-11-26'; // 7 days, 26 Nov – 2 Dec: across a month end
		const id = await newPledge(w.student.id, start);
		for (let i = 0; i < 5; i++) expect((await check(w.student.id, id, addDays(start, i))).ok).toBe(true);
		const last = addDays(start, 6);
		const [a, b] = await Promise.all([
			check(w.student.id, id, last, 'yesterday'),
			check(w.student.id, id, last, 'today')
		]);
		expect([a, b].filter((r) => r.ok && r.completed)).toHaveLength(1);
		const again = await check(w.student.id, id, last, 'today');
		expect(again).toMatchObject({ ok: false, error: 'pledge.error.already' });
		const { bonuses, checkins } = await entriesFor(id);
		expect(checkins).toBe(7);
		expect(bonuses).toHaveLength(1);
		expect(bonuses[0]).toMatchObject({
			points: 14,
			personId: w.student.id,
			classId: w.cls.id,
			householdId: w.household.id
		});
		const [{ n }] = await t.db
			.select({ n: count() })
			.from(badgeAward)
			.where(and(eq(badgeAward.badge, PLEDGE_BADGE), eq(badgeAward.refKey, String(id))));
		expect(n).toBe(1);
		expect((await getTotals(t.db, 'person', w.student.id)).points).toBe(7 * 5 + 14);
		const [row] = await t.db.select().from(pledge).where(eq(pledge.id, id));
		expect(row.completedOn).toBe(last);
		expect((await getPledge(t.db, id, last))?.view.state).toBe('completed');
		expect(await endPledge(t.db, w.student.id, id, at(last), TZ)).toMatchObject({
			ok: false,
			error: 'pledge.error.over'
		});
	});

	it('a pledge with a missed day before any grace day is earned does not complete', async () => {
		const w = await makeStudentWorld(t.db);
		const start = '2026-10-01';
		const id = await newPledge(w.student.id, start);
		for (const i of [0, 1, 3, 4, 5, 6]) await check(w.student.id, id, addDays(start, i));
		expect((await entriesFor(id)).bonuses).toHaveLength(0);
		expect((await getPledge(t.db, id, addDays(start, 8)))?.view.state).toBe('finished');
	});

	it('sums impact per pledge, person, class and household, this week and in all', async () => {
		const w = await makeStudentWorld(t.db);
		const bottle = await newPledge(w.student.id, '2026-11-16', { days: 21 }); // Monday; 10 g each
		const bags = await newPledge(w.parent.id, '2026-11-16', { owner: 'household', item: 'bag', days: 21 }); // 5 g each
		await check(w.student.id, bottle, '2026-11-21', 'today', 2); // last week (Sat)
		await check(w.student.id, bottle, '2026-11-23', 'today', 3); // this week (Mon)
		await check(w.parent.id, bags, '2026-11-22', 'today', 4); // last week (Sun)
		await check(w.student.id, bags, '2026-11-23', 'today', 6); // this week
		const today = '2026-11-23';
		expect(await pledgeImpact(t.db, 'pledge', bottle, today)).toEqual({
			week: { items: 3, grams: 30 },
			all: { items: 5, grams: 50 }
		});
		expect(await pledgeImpact(t.db, 'person', w.student.id, today)).toEqual({
			week: { items: 9, grams: 60 },
			all: { items: 11, grams: 80 }
		});
		expect(await pledgeImpact(t.db, 'class', w.cls.id, today)).toEqual({
			week: { items: 3, grams: 30 },
			all: { items: 5, grams: 50 }
		});
		expect(await pledgeImpact(t.db, 'household', w.household.id, today)).toEqual({
			week: { items: 9, grams: 60 },
			all: { items: 15, grams: 100 }
		});
		// The ledger's grams agree with the check-ins.
		expect((await getTotals(t.db, 'household', w.household.id)).gramsAvoided).toBe(100);
	});

	it('the owner acts; a guardian and the class teacher only look; anyone else is refused', async () => {
		const w = await makeStudentWorld(t.db);
		const other = await makeStudentWorld(t.db);
		await t.db.insert(guardianLink).values({ guardianId: w.parent.id, studentId: w.student.id });
		const p = { userId: w.student.id, householdId: null };
		expect(await pledgeAccess(t.db, w.student.id, p)).toBe('act');
		expect(await pledgeAccess(t.db, w.parent.id, p)).toBe('view');
		expect(await pledgeAccess(t.db, w.teacher.id, p)).toBe('view');
		expect(await pledgeAccess(t.db, other.teacher.id, p)).toBeNull();
		expect(await pledgeAccess(t.db, other.parent.id, p)).toBeNull();
		const hh = { userId: w.parent.id, householdId: w.household.id };
		expect(await pledgeAccess(t.db, w.student.id, hh)).toBe('act');
		expect(await pledgeAccess(t.db, other.parent.id, hh)).toBeNull();
	});
});

describe('pledge check-ins and class goals', () => {
	it('a check-in that reaches a class goal on check-ins marks it reached and badges the class at once', async () => {
		const { createGoal } = await import('$lib/server/actions/goals');
		const { classGoal } = await import('$lib/server/db/schema');
		const w = await makeStudentWorld(t.db);
		const goal = await createGoal(
			t.db,
			w.cls.id,
			w.teacher.id,
			{ metric: 'checkins', actionId: undefined, target: 1, deadline: '2026-12-31' },
			'2026-11-20'
		);
		if (!goal.ok) throw new Error(goal.error);
		const pledgeId = await newPledge(w.student.id, '2026-11-20');
		expect((await check(w.student.id, pledgeId, '2026-11-20')).ok).toBe(true);
		const [row] = await t.db.select().from(classGoal).where(eq(classGoal.id, goal.id));
		expect(row.reachedOn).toBe('2026-11-20');
		const badges = await t.db
			.select()
			.from(badgeAward)
			.where(and(eq(badgeAward.classId, w.cls.id), eq(badgeAward.badge, 'class_goal')));
		expect(badges).toHaveLength(1);
	});
});
