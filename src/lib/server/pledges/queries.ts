import { and, desc, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { classStudent, pledge, pledgeCheckin, user } from '$lib/server/db/schema';
import { activeHouseholdOf, activeMemberIds } from '$lib/server/access/membership';
import { addDays, daysBetween, weekStart } from '$lib/utils/dates';
import { computeStreak } from './streaks';
import type { PledgeRow } from './pledges';
import type { Impact, PledgeState, PledgeView } from '$lib/pledges/types';

export type { Impact, PledgeView };

type CheckinRow = { localDay: string; itemsAvoided: number; gramsAvoided: number };

/** Applies the pledge rules to one pledge's check-ins (pure; exported for tests). */
export function toPledgeView(
	p: PledgeRow & { ownerNickname?: string | null },
	checkins: CheckinRow[],
	today: string
): PledgeView {
	const days = new Set(checkins.map((c) => c.localDay));
	const yesterday = addDays(today, -1);
	const lastDay = p.endedOn ?? p.endDay;
	const to = lastDay < today ? lastDay : today;
	const s = computeStreak(days, { from: p.startDay, to, lastIsOpen: to === today });
	const open = (day: string) =>
		!p.endedOn && !p.completedOn && day >= p.startDay && day <= p.endDay && !days.has(day);
	const canCheckInToday = open(today);
	const canCheckInYesterday = open(yesterday);
	const state: PledgeState = p.completedOn
		? 'completed'
		: p.endedOn
			? 'ended'
			: today <= p.endDay || canCheckInYesterday
				? 'active'
				: 'finished';
	return {
		id: p.id,
		item: p.item,
		customName: p.customName,
		gramsPerItem: p.gramsPerItem,
		usesPerDay: p.usesPerDay,
		startDay: p.startDay,
		endDay: p.endDay,
		endedOn: p.endedOn,
		completedOn: p.completedOn,
		householdId: p.householdId,
		ownerId: p.userId,
		ownerNickname: p.ownerNickname ?? '',
		state,
		totalDays: daysBetween(p.startDay, p.endDay) + 1,
		daysCheckedIn: days.size,
		itemsAvoided: checkins.reduce((a, c) => a + c.itemsAvoided, 0),
		gramsAvoided: checkins.reduce((a, c) => a + c.gramsAvoided, 0),
		streak: {
			current: s.current,
			longest: s.longest,
			graceHeld: s.graceHeld,
			towardsGrace: s.towardsGrace,
			graceUsed: s.graceDays.length
		},
		checkedToday: days.has(today),
		canCheckInToday,
		canCheckInYesterday
	};
}

async function viewsWhere(db: DbOrTx, where: SQL | undefined, today: string): Promise<PledgeView[]> {
	const rows = await db
		.select({ p: pledge, ownerNickname: user.nickname })
		.from(pledge)
		.leftJoin(user, eq(user.id, pledge.userId))
		.where(where)
		.orderBy(desc(pledge.startDay), desc(pledge.id))
		.limit(200);
	if (rows.length === 0) return [];
	const checkins = await db
		.select({
			pledgeId: pledgeCheckin.pledgeId,
			localDay: pledgeCheckin.localDay,
			itemsAvoided: pledgeCheckin.itemsAvoided,
			gramsAvoided: pledgeCheckin.gramsAvoided
		})
		.from(pledgeCheckin)
		.where(
			inArray(
				pledgeCheckin.pledgeId,
				rows.map((r) => r.p.id)
			)
		);
	const byPledge = new Map<number, CheckinRow[]>();
	for (const c of checkins) byPledge.set(c.pledgeId, [...(byPledge.get(c.pledgeId) ?? []), c]);
	return rows.map((r) =>
		toPledgeView({ ...r.p, ownerNickname: r.ownerNickname }, byPledge.get(r.p.id) ?? [], today)
	);
}

/** The person's own pledges and their household's pledges, newest first. */
export async function listMyPledges(db: DbOrTx, userId: number, today: string) {
	const hh = await activeHouseholdOf(db, userId);
	const personal = await viewsWhere(db, and(eq(pledge.userId, userId), isNull(pledge.householdId)), today);
	const household = hh ? await viewsWhere(db, eq(pledge.householdId, hh.householdId), today) : [];
	return { personal, household, householdId: hh?.householdId ?? null, isAdult: hh?.kind === 'adult' };
}

/** One pledge with its check-ins (oldest first), or null. Who may see it is the caller's check. */
export async function getPledge(db: DbOrTx, pledgeId: number, today: string) {
	const [view] = await viewsWhere(db, eq(pledge.id, pledgeId), today);
	if (!view) return null;
	const checkins = await db
		.select({
			localDay: pledgeCheckin.localDay,
			itemsAvoided: pledgeCheckin.itemsAvoided,
			gramsAvoided: pledgeCheckin.gramsAvoided
		})
		.from(pledgeCheckin)
		.where(eq(pledgeCheckin.pledgeId, pledgeId))
		.orderBy(pledgeCheckin.localDay);
	return { view, checkins };
}

/** Items and grams per day from `from` to `to`, zero on days without a check-in (for the chart). */
export function dailySeries(checkins: CheckinRow[], from: string, to: string) {
	const byDay = new Map(checkins.map((c) => [c.localDay, c]));
	const out: { day: string; items: number; grams: number }[] = [];
	for (let i = 0, n = Math.min(daysBetween(from, to), 365); i <= n; i++) {
		const day = addDays(from, i);
		const c = byDay.get(day);
		out.push({ day, items: c?.itemsAvoided ?? 0, grams: c?.gramsAvoided ?? 0 });
	}
	return out;
}

/** A person's streak over all their pledges: a day counts when they checked in on any of them. */
export async function personStreak(db: DbOrTx, userId: number, today: string) {
	const rows = await db
		.selectDistinct({ day: pledgeCheckin.localDay })
		.from(pledgeCheckin)
		.where(and(eq(pledgeCheckin.userId, userId), gte(pledgeCheckin.localDay, addDays(today, -400))));
	const s = computeStreak(
		rows.map((r) => r.day),
		{ to: today }
	);
	return {
		current: s.current,
		longest: s.longest,
		graceHeld: s.graceHeld,
		towardsGrace: s.towardsGrace,
		checkedToday: s.checkedToday
	};
}

/**
 * Items and grams avoided through pledges, this week (Monday to today) and in all: by one pledge,
 * by the person who checked in, or credited to a class or household (as the ledger credits them).
 */
export async function pledgeImpact(
	db: DbOrTx,
	scope: 'pledge' | 'person' | 'class' | 'household',
	id: number,
	today: string
): Promise<Impact> {
	const column = {
		pledge: pledgeCheckin.pledgeId,
		person: pledgeCheckin.userId,
		class: pledgeCheckin.classId,
		household: pledgeCheckin.householdId
	}[scope];
	const monday = weekStart(today);
	const [row] = await db
		.select({
			items: sql<number>`coalesce(sum(${pledgeCheckin.itemsAvoided}), 0)`,
			grams: sql<number>`coalesce(sum(${pledgeCheckin.gramsAvoided}), 0)`,
			weekItems: sql<number>`coalesce(sum(case when ${pledgeCheckin.localDay} >= ${monday} then ${pledgeCheckin.itemsAvoided} end), 0)`,
			weekGrams: sql<number>`coalesce(sum(case when ${pledgeCheckin.localDay} >= ${monday} then ${pledgeCheckin.gramsAvoided} end), 0)`
		})
		.from(pledgeCheckin)
		.where(eq(column, id));
	return {
		week: { items: Number(row.weekItems), grams: Number(row.weekGrams) },
		all: { items: Number(row.items), grams: Number(row.grams) }
	};
}

const onWall = (v: PledgeView, today: string) =>
	v.state === 'active' ||
	(v.state === 'completed' && !!v.completedOn && v.completedOn >= addDays(today, -30));

/** Running pledges first, longest streak on top; recently kept ones after them. */
function wallOrder(views: PledgeView[], today: string): PledgeView[] {
	return views
		.filter((v) => onWall(v, today))
		.sort(
			(a, b) =>
				Number(a.state !== 'active') - Number(b.state !== 'active') ||
				b.streak.current - a.streak.current ||
				a.id - b.id
		);
}

/** A class's pledge wall: its students' running pledges (and those completed in the last 30 days). */
export async function classWall(db: DbOrTx, classId: number, today: string) {
	const students = db
		.select({ id: classStudent.userId })
		.from(classStudent)
		.where(eq(classStudent.classId, classId));
	const views = await viewsWhere(
		db,
		and(
			inArray(pledge.userId, students),
			isNull(pledge.householdId),
			gte(pledge.endDay, addDays(today, -31))
		),
		today
	);
	return wallOrder(views, today);
}

/** A household's pledge wall: its own pledges and its active members' personal ones. */
export async function householdWall(db: DbOrTx, householdId: number, today: string) {
	const members = activeMemberIds(db, householdId);
	const views = await viewsWhere(
		db,
		and(
			or(
				eq(pledge.householdId, householdId),
				and(inArray(pledge.userId, members), isNull(pledge.householdId))
			),
			gte(pledge.endDay, addDays(today, -31))
		),
		today
	);
	return wallOrder(views, today);
}

/** The person's and household's running pledges still open for today's check-in (home-page reminder). */
export async function dueToday(db: DbOrTx, userId: number, today: string) {
	const hh = await activeHouseholdOf(db, userId);
	const mine = and(eq(pledge.userId, userId), isNull(pledge.householdId));
	const where = and(
		hh ? or(mine, eq(pledge.householdId, hh.householdId)) : mine,
		isNull(pledge.endedOn),
		isNull(pledge.completedOn),
		gte(pledge.endDay, addDays(today, -1))
	);
	const views = await viewsWhere(db, where, today);
	return views
		.filter((v) => v.canCheckInToday || v.canCheckInYesterday)
		.map((v) => ({
			id: v.id,
			item: v.item,
			customName: v.customName,
			household: v.householdId !== null,
			today: v.canCheckInToday,
			yesterday: v.canCheckInYesterday,
			streak: v.streak.current
		}));
}
