import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { action, actionLog, classGoal, ledgerEntry } from '$lib/server/db/schema';
import type { GoalMetric } from '$lib/domain/goals';
import { goalTargetBase, type CreateGoalInput } from '$lib/schemas/goals';
import { ACTION_RULES } from '$lib/rules/actions';
import { CHART_RULES } from '$lib/rules/charts';
import { GOAL_RULES, goalDeadlineBounds } from '$lib/rules/goals';
import { addDays, dayRange } from '$lib/utils/dates';
import { awardBadge } from './badges';

export type GoalRow = typeof classGoal.$inferSelect;

export interface GoalProgress {
	goal: GoalRow;
	actionName: { vi: string; en: string } | null;
	/**
	 * Cumulative value at the end of each day from the start to min(today, deadline): at most the
	 * last `CHART_RULES.maxPoints` days of it, whatever dates the goal holds.
	 */
	series: { day: string; value: number }[];
	current: number;
	percent: number;
	reached: boolean;
	state: 'open' | 'reached' | 'missed';
}

export type CreateGoalError =
	'goals.deadline.past' | 'goals.deadline.tooFar' | 'goals.target.range' | 'goals.action.required';

/**
 * Creates a goal for a class, starting today, after checking the rules again (the schema checks
 * them first): a deadline from today to a year ahead, a target in its metric's range, an action
 * in use for a count goal.
 */
export async function createGoal(
	db: DbOrTx,
	classId: number,
	userId: number,
	input: CreateGoalInput,
	today: string
): Promise<{ ok: true; id: number } | { ok: false; error: CreateGoalError }> {
	const bounds = goalDeadlineBounds(today);
	if (input.deadline < bounds.min) return { ok: false, error: 'goals.deadline.past' };
	if (input.deadline > bounds.max) return { ok: false, error: 'goals.deadline.tooFar' };
	const range = GOAL_RULES.target[input.metric];
	if (!(input.target >= range.min && input.target <= range.max))
		return { ok: false, error: 'goals.target.range' };
	if (input.metric === 'action_count') {
		const [a] = await db
			.select({ id: action.id })
			.from(action)
			.where(and(eq(action.id, input.actionId!), isNull(action.retiredAt)));
		if (!a) return { ok: false, error: 'goals.action.required' };
	}
	const target = goalTargetBase(input.metric, input.target);
	const actionId = input.metric === 'action_count' ? input.actionId! : null;
	// The same form sent twice (a double tap, a resend) sets one goal.
	const [same] = input.formKey
		? await db
				.select({ id: classGoal.id })
				.from(classGoal)
				.where(and(eq(classGoal.createdBy, userId), eq(classGoal.formKey, input.formKey)))
		: [];
	if (same) return { ok: true, id: same.id };
	const [row] = await db
		.insert(classGoal)
		.values({
			classId,
			metric: input.metric,
			actionId,
			target,
			startDay: today,
			deadline: input.deadline,
			createdBy: userId,
			formKey: input.formKey ?? null
		})
		.returning({ id: classGoal.id });
	return { ok: true, id: row.id };
}

/** Per-day amounts of a goal's metric for its class between two days (voids net out). */
async function dailyAmounts(
	db: DbOrTx,
	goal: GoalRow,
	from: string,
	to: string
): Promise<Map<string, number>> {
	let rows: { day: string; v: number }[];
	const inClass = and(
		eq(ledgerEntry.classId, goal.classId),
		gte(ledgerEntry.localDay, from),
		lte(ledgerEntry.localDay, to)
	);
	const metric: GoalMetric = goal.metric;
	if (metric === 'points' || metric === 'kg_collected') {
		const col = metric === 'points' ? ledgerEntry.points : ledgerEntry.gramsCollected;
		rows = await db
			.select({ day: ledgerEntry.localDay, v: sql<number>`coalesce(sum(${col}), 0)` })
			.from(ledgerEntry)
			.where(inClass)
			.groupBy(ledgerEntry.localDay);
	} else if (metric === 'checkins') {
		rows = await db
			.select({
				day: ledgerEntry.localDay,
				v: sql<number>`sum(case when ${ledgerEntry.sourceKind} = 'checkin' then 1
					when ${ledgerEntry.sourceKind} = 'reversal' and (select o.source_kind from ledger_entry o where o.id = "ledger_entry"."reverses") = 'checkin' then -1
					else 0 end)`
			})
			.from(ledgerEntry)
			.where(inClass)
			.groupBy(ledgerEntry.localDay);
	} else {
		rows = await db
			.select({ day: actionLog.localDay, v: sql<number>`coalesce(sum(${actionLog.count}), 0)` })
			.from(actionLog)
			.where(
				and(
					eq(actionLog.classId, goal.classId),
					eq(actionLog.actionId, goal.actionId ?? 0),
					gte(actionLog.localDay, from),
					lte(actionLog.localDay, to),
					sql`not exists (select 1 from ledger_entry r where r.reverses = "action_log"."ledger_entry_id")`
				)
			)
			.groupBy(actionLog.localDay);
	}
	return new Map(rows.map((r) => [r.day, Number(r.v)]));
}

/**
 * Cumulative progress of a goal up to today (or its deadline), and whether it is reached. Reads
 * only: marking a goal reached is the write paths' job (`checkClassGoals`).
 */
export async function goalProgress(
	db: DbOrTx,
	goal: GoalRow,
	today: string
): Promise<Omit<GoalProgress, 'actionName'>> {
	const end = today < goal.deadline ? today : goal.deadline;
	const amounts: Map<string, number> =
		end >= goal.startDay ? await dailyAmounts(db, goal, goal.startDay, end) : new Map();
	const days = dayRange(goal.startDay, end, CHART_RULES.maxPoints);
	// Amounts before the first shown day (only a goal longer than the bound has any) start the line.
	let running = 0;
	for (const [day, v] of amounts) if (days.length && day < days[0]) running += v;
	const series = days.map((day) => ({ day, value: (running += amounts.get(day) ?? 0) }));
	const total = [...amounts.values()].reduce((sum, v) => sum + v, 0);
	const reached = goal.reachedOn !== null || total >= goal.target;
	const percent = Math.max(0, Math.min(100, Math.floor((total / goal.target) * 100)));
	return {
		goal,
		series,
		current: total,
		percent,
		reached,
		state: reached ? 'reached' : today > goal.deadline ? 'missed' : 'open'
	};
}

/**
 * Marks newly reached goals of a class and awards the class its `class_goal` badge (once per goal).
 * Called, in their transaction, by the writes that move a goal: a logged action, a check-in, a
 * confirmed drop-off; `today` is the app time zone's.
 */
export async function checkClassGoals(
	db: DbOrTx,
	classId: number,
	today: string,
	at = new Date()
): Promise<number[]> {
	const open = await db
		.select()
		.from(classGoal)
		.where(
			and(
				eq(classGoal.classId, classId),
				isNull(classGoal.reachedOn),
				gte(classGoal.deadline, addDays(today, -ACTION_RULES.backfillDays))
			)
		);
	const reached: number[] = [];
	for (const goal of open) {
		const p = await goalProgress(db, goal, today);
		if (p.current < goal.target) continue;
		const day = p.series.find((s) => s.value >= goal.target)?.day ?? today;
		await db
			.update(classGoal)
			.set({ reachedOn: day })
			.where(and(eq(classGoal.id, goal.id), isNull(classGoal.reachedOn)));
		await awardBadge(db, 'class_goal', { classId }, String(goal.id), at);
		reached.push(goal.id);
	}
	return reached;
}

/** A class's goals with progress, open ones first by deadline. Reads only. */
export async function listGoals(db: DbOrTx, classId: number, today: string): Promise<GoalProgress[]> {
	const goals = await db
		.select({ goal: classGoal, nameVi: action.nameVi, nameEn: action.nameEn })
		.from(classGoal)
		.leftJoin(action, eq(action.id, classGoal.actionId))
		.where(eq(classGoal.classId, classId))
		.orderBy(asc(sql`${classGoal.deadline} < ${today}`), asc(classGoal.deadline), asc(classGoal.id));
	const out: GoalProgress[] = [];
	for (const g of goals) {
		const p = await goalProgress(db, g.goal, today);
		out.push({ ...p, actionName: g.nameVi ? { vi: g.nameVi, en: g.nameEn ?? g.nameVi } : null });
	}
	return out;
}
