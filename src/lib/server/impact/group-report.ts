import { and, asc, between, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	action,
	actionLog,
	classStudent,
	householdMember,
	impactFactor,
	pledge,
	pledgeCheckin,
	rollup,
	user
} from '$lib/server/db/schema';
import { toPledgeView } from '$lib/server/pledges/queries';
import { boardsOfClass, boardsOfHousehold } from '$lib/server/boards/board-refs';
import { windowPeriod } from '$lib/server/boards/leaderboards';
import { standingsOn } from '$lib/server/boards/view';
import { monthEnd, monthStart } from '$lib/utils/dates';
import { trendSlices, type Period } from '$lib/utils/periods';

export type GroupKind = 'class' | 'household';

/*
 * What the class report and the household month read about one group over a period. Every read
 * is bounded by the group: its own rollup rows, or its own rows of an indexed table (its logs,
 * check-ins and pledges), never the whole ledger.
 */

export interface WeekLine extends Period {
	label: string;
	points: number;
	gramsAvoided: number;
	gramsCollected: number;
	/** Days in the week with anything logged. */
	activeDays: number;
}

/** The group's totals and its week-by-week lines in the period, from its `day` rollups. */
export async function groupWeeks(db: DbOrTx, kind: GroupKind, id: number, p: Period) {
	const rows = await db
		.select({
			day: rollup.periodKey,
			points: rollup.points,
			gramsAvoided: rollup.gramsAvoided,
			gramsCollected: rollup.gramsCollected,
			entries: rollup.entries
		})
		.from(rollup)
		.where(
			and(
				eq(rollup.scopeKind, kind),
				eq(rollup.scopeId, id),
				eq(rollup.periodKind, 'day'),
				between(rollup.periodKey, p.from, p.to)
			)
		);
	const weeks: WeekLine[] = trendSlices(p).slices.map((s) => ({
		...s,
		points: 0,
		gramsAvoided: 0,
		gramsCollected: 0,
		activeDays: 0
	}));
	const totals = { points: 0, gramsAvoided: 0, gramsCollected: 0, entries: 0, activeDays: 0 };
	for (const r of rows) {
		const w = weeks.findLast((x) => x.from <= r.day);
		for (const target of w ? [totals, w] : [totals]) {
			target.points += r.points;
			target.gramsAvoided += r.gramsAvoided;
			target.gramsCollected += r.gramsCollected;
			if (r.entries > 0) target.activeDays++;
		}
		totals.entries += r.entries;
	}
	return { totals, weeks };
}

/** The nicknames of a class's students who took part in the period (alphabetical: no ranking). */
export async function studentsTakingPart(db: DbOrTx, classId: number, p: Period): Promise<string[]> {
	const rows = await db
		.selectDistinct({ nickname: user.nickname })
		.from(rollup)
		.innerJoin(user, eq(user.id, rollup.scopeId))
		.where(
			and(
				eq(rollup.scopeKind, 'person'),
				eq(rollup.parentId, classId),
				eq(rollup.periodKind, 'day'),
				between(rollup.periodKey, p.from, p.to)
			)
		);
	return rows.map((r) => r.nickname).sort((a, b) => a.localeCompare(b, 'vi'));
}

const notVoided = (entryId: SQL) =>
	sql`NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses = ${entryId})`;

/** The group's most logged actions in the period (voided logs left out), with the plastic they avoided. */
export async function topActions(db: DbOrTx, kind: GroupKind, id: number, p: Period, limit = 5) {
	const times = sql<number>`sum(${actionLog.count})`.mapWith(Number);
	const rows = await db
		.select({
			nameVi: action.nameVi,
			nameEn: action.nameEn,
			times,
			logs: sql<number>`count(*)`.mapWith(Number),
			grams: sql<number>`sum(${actionLog.count} * ${impactFactor.grams})`.mapWith(Number)
		})
		.from(actionLog)
		.innerJoin(action, eq(action.id, actionLog.actionId))
		.innerJoin(impactFactor, eq(impactFactor.id, action.impactFactorId))
		.where(
			and(
				eq(kind === 'class' ? actionLog.classId : actionLog.householdId, id),
				between(actionLog.localDay, p.from, p.to),
				notVoided(sql`${actionLog.ledgerEntryId}`)
			)
		)
		.groupBy(action.id)
		.orderBy(desc(times), asc(action.id));
	return {
		top: rows.slice(0, limit),
		logs: rows.reduce((n, r) => n + r.logs, 0),
		items: rows.reduce((n, r) => n + r.times, 0)
	};
}

/** Check-ins credited to the group in the period (voided ones left out) and the items they avoided. */
export async function checkinsIn(db: DbOrTx, kind: GroupKind, id: number, p: Period) {
	const [row] = await db
		.select({
			n: sql<number>`count(*)`.mapWith(Number),
			items: sql<number>`coalesce(sum(${pledgeCheckin.itemsAvoided}), 0)`.mapWith(Number)
		})
		.from(pledgeCheckin)
		.where(
			and(
				eq(kind === 'class' ? pledgeCheckin.classId : pledgeCheckin.householdId, id),
				between(pledgeCheckin.localDay, p.from, p.to),
				sql`NOT EXISTS (SELECT 1 FROM ledger_entry o JOIN ledger_entry r ON r.reverses = o.id
					WHERE o.source_kind = 'checkin' AND o.source_id = ${pledgeCheckin.id})`
			)
		);
	return row ?? { n: 0, items: 0 };
}

/**
 * The pledges that ran during the period: a class's students' personal pledges, or a household's
 * own and its members' personal ones, each as of the period's last day (nicknames only).
 */
export async function pledgesIn(db: DbOrTx, kind: GroupKind, id: number, p: Period, today: string) {
	const asOf = p.to < today ? p.to : today;
	const owners =
		kind === 'class'
			? and(
					inArray(
						pledge.userId,
						db.select({ id: classStudent.userId }).from(classStudent).where(eq(classStudent.classId, id))
					),
					isNull(pledge.householdId)
				)
			: or(
					eq(pledge.householdId, id),
					and(
						inArray(
							pledge.userId,
							db
								.select({ id: householdMember.userId })
								.from(householdMember)
								.where(and(eq(householdMember.householdId, id), eq(householdMember.status, 'active')))
						),
						isNull(pledge.householdId)
					)
				);
	const rows = await db
		.select({ p: pledge, ownerNickname: user.nickname })
		.from(pledge)
		.leftJoin(user, eq(user.id, pledge.userId))
		.where(
			and(owners, lte(pledge.startDay, p.to), gte(sql`coalesce(${pledge.endedOn}, ${pledge.endDay})`, p.from))
		)
		.orderBy(asc(pledge.startDay), asc(pledge.id))
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
			and(
				inArray(
					pledgeCheckin.pledgeId,
					rows.map((r) => r.p.id)
				),
				lte(pledgeCheckin.localDay, asOf)
			)
		);
	return rows.map((r) =>
		toPledgeView(
			{
				...r.p,
				ownerNickname: r.ownerNickname,
				completedOn: r.p.completedOn && r.p.completedOn <= asOf ? r.p.completedOn : null
			},
			checkins.filter((c) => c.pledgeId === r.p.id),
			asOf
		)
	);
}

/**
 * Where the group stands on its boards: for a period within one calendar month, that month's
 * boards; otherwise all time (boards have no window of arbitrary length).
 */
export async function standingsFor(db: DbOrTx, kind: GroupKind, id: number, p: Period, today: string) {
	const sameMonth = monthStart(p.from) === monthStart(p.to);
	const window = sameMonth ? windowPeriod('month', p.to) : windowPeriod('all', today);
	const refs = kind === 'class' ? await boardsOfClass(db, id) : await boardsOfHousehold(db, id);
	return {
		window: sameMonth ? ('month' as const) : ('all' as const),
		month: sameMonth ? { from: monthStart(p.to), to: monthEnd(p.to) } : null,
		standings: await standingsOn(db, refs, window)
	};
}
