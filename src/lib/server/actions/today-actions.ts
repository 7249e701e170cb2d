import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { action, actionLog, impactFactor, type LogMode } from '$lib/server/db/schema';
import type { Memberships } from '$lib/server/access/membership';
import { UNDO_REASON } from './undo';
import { runningChallengesFor } from './challenges';

/**
 * How many of an action were already logged on a day: per person (person mode) or per household.
 * Voided logs still count: a void says it did not happen, not that it may be logged again. A log its
 * author undid (a slip, within minutes) frees its place, so the right action can be logged instead.
 */
async function usedToday(db: DbOrTx, mode: LogMode, ownerId: number, actionIds: number[], day: string) {
	if (actionIds.length === 0) return new Map<number, number>();
	const rows = await db
		.select({ actionId: actionLog.actionId, used: sql<number>`coalesce(sum(${actionLog.count}), 0)` })
		.from(actionLog)
		.where(
			and(
				mode === 'person' ? eq(actionLog.personId, ownerId) : eq(actionLog.householdId, ownerId),
				eq(actionLog.mode, mode),
				eq(actionLog.localDay, day),
				inArray(actionLog.actionId, actionIds),
				sql`not exists (select 1 from ledger_entry u where u.reverses = ${actionLog.ledgerEntryId} and u.actor_id = ${actionLog.actorId} and u.reason = ${UNDO_REASON})`
			)
		)
		.groupBy(actionLog.actionId);
	return new Map(rows.map((r) => [r.actionId, Number(r.used)]));
}

export interface TodayAction {
	id: number;
	nameVi: string;
	nameEn: string;
	/** What one log adds to the person's (and group's) own totals: the catalogue points. */
	points: number;
	dailyCap: number;
	used: number;
	grams: number;
	/** Every running challenge one log also counts in, with the points it is worth there. */
	challenges: { id: number; title: string; points: number }[];
}

/**
 * The actions a user can log on a day in a mode, with how many are already used and the running
 * challenges (that they take part in) each one also counts in.
 */
export async function actionsForDay(
	db: DbOrTx,
	m: Memberships,
	userId: number,
	mode: LogMode,
	day: string
): Promise<TodayAction[]> {
	const rows = await db
		.select({
			id: action.id,
			nameVi: action.nameVi,
			nameEn: action.nameEn,
			points: action.points,
			dailyCap: action.dailyCap,
			audience: action.audience,
			grams: impactFactor.grams
		})
		.from(action)
		.innerJoin(impactFactor, eq(impactFactor.id, action.impactFactorId))
		.where(sql`${action.retiredAt} is null`)
		.orderBy(action.id);
	const usable = rows.filter((a) =>
		mode === 'person' ? a.audience !== 'household' : a.audience !== 'student'
	);
	const owner = mode === 'person' ? userId : m.householdId!;
	const used = await usedToday(
		db,
		mode,
		owner,
		usable.map((a) => a.id),
		day
	);
	const running = await runningChallengesFor(
		db,
		{ classId: mode === 'person' ? m.classId : null, neighbourhoodId: m.neighbourhoodId },
		day
	);
	return usable.map((a) => ({
		id: a.id,
		nameVi: a.nameVi,
		nameEn: a.nameEn,
		points: a.points,
		dailyCap: a.dailyCap,
		used: used.get(a.id) ?? 0,
		grams: a.grams,
		challenges: running
			.filter((c) => c.actions.has(a.id))
			.map((c) => ({ id: c.id, title: c.title, points: c.actions.get(a.id)! }))
	}));
}
