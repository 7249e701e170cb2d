import { eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '$lib/server/db/client';
import { action, actionLog, impactFactor, ledgerEntry, type LogMode } from '$lib/server/db/schema';
import type { LogActionInput } from '$lib/schemas/actions';
import { addDays, localDay } from '$lib/utils/dates';
import { ACTION_RULES, THROTTLE_WINDOW_MS } from '$lib/rules/actions';
import { appendEntry, findByIdempotencyKey } from '$lib/server/ledger/ledger';
import { linkActionLog } from '$lib/server/ledger/impact-rollups';
import { adultHouseholdOf, getMemberships, type Memberships } from '$lib/server/access/membership';
import { awardActionBadges } from './badges';
import { afterLedgerWrite } from './consequences';
import { UNDO_REASON } from './undo';
import { challengeCredits, runningChallengesFor } from './challenges';

export type LogError =
	| 'actions.day.window'
	| 'actions.action.notFound'
	| 'actions.action.retired'
	| 'actions.action.notForMode'
	| 'actions.mode.noClass'
	| 'actions.mode.noHousehold'
	| 'actions.group.notMember'
	| 'actions.throttle'
	| 'actions.cap';

export type LogResult =
	| {
			ok: true;
			duplicate: boolean;
			entryId: number;
			points: number;
			/** The challenges the log counts in (none on a replay). */
			challenges: { challengeId: number; points: number }[];
			badges: string[];
	  }
	| { ok: false; error: LogError; status: 400 | 403 | 404 | 429; params?: Record<string, number> };

const fail = (
	error: LogError,
	status: 400 | 403 | 404 | 429,
	params?: Record<string, number>
): LogResult => ({
	ok: false,
	error,
	status,
	params
});

/** The two days a log may be for: today and yesterday in the app time zone. */
export function backfillDays(now: Date, timeZone: string): { today: string; yesterday: string } {
	const today = localDay(now, timeZone);
	return { today, yesterday: addDays(today, -ACTION_RULES.backfillDays) };
}

/** Whether the user can log for themself (a student in a class) and/or for their household (an adult member). */
export async function loggingModes(
	db: DbOrTx,
	userId: number
): Promise<{ memberships: Memberships; modes: LogMode[] }> {
	const memberships = await getMemberships(db, userId);
	const modes: LogMode[] = [];
	if (memberships.classId) modes.push('person');
	if (memberships.householdId && (await adultHouseholdOf(db, userId))) modes.push('household');
	return { memberships, modes };
}

/**
 * What one query tells the write about the log about to be made: the entry this actor already
 * made with this idempotency key (if any), their logs in the throttle window, and how many of the
 * action the owner already logged on the day (voided logs still count: a void says it did not
 * happen, not that it may be logged again).
 */
async function logGuard(
	tx: Tx,
	userId: number,
	input: LogActionInput,
	owner: { mode: LogMode; id: number },
	now: Date
) {
	const ownerCol = sql.raw(owner.mode === 'person' ? 'l.person_id' : 'l.household_id');
	const [row] = await tx.all<{
		entryId: number | null;
		points: number | null;
		burst: number;
		used: number;
	}>(sql`
		SELECT e.id AS entryId, e.points AS points,
			(SELECT count(*) FROM action_log l WHERE l.actor_id = ${userId} AND l.created_at > ${now.getTime() - THROTTLE_WINDOW_MS}) AS burst,
			(SELECT coalesce(sum(l.count), 0) FROM action_log l WHERE ${ownerCol} = ${owner.id} AND l.mode = ${owner.mode}
				AND l.local_day = ${input.day} AND l.action_id = ${input.actionId}
				AND NOT EXISTS (SELECT 1 FROM ledger_entry u WHERE u.reverses = l.ledger_entry_id
					AND u.actor_id = l.actor_id AND u.reason = ${UNDO_REASON})) AS used
		FROM (SELECT 1) LEFT JOIN ledger_entry e ON e.actor_id = ${userId} AND e.idempotency_key = ${input.idempotencyKey}`);
	return row;
}

const replay = (entryId: number, points: number): LogResult => ({
	ok: true,
	duplicate: true,
	entryId,
	points,
	challenges: [],
	badges: []
});

/**
 * Logs an action for a user: validates the day window, membership, throttle and daily cap, then
 * writes, in one transaction, the action log and its ledger entry (the action's catalogue points,
 * once, for the person, class and household), credited to every running challenge the person's
 * class or neighbourhood takes part in that counts the action (each at its own points), with the
 * badges, goals and challenge settlements it sets off. A repeated idempotency key returns the
 * first result and writes nothing. What a write cannot change (the catalogue, memberships,
 * running challenges) is read before the transaction; the idempotency key, throttle and cap,
 * which other writes can change, are read in it, in one query.
 */
export async function logAction(
	db: DbOrTx,
	userId: number,
	input: LogActionInput,
	now: Date,
	timeZone: string
): Promise<LogResult> {
	const { today, yesterday } = backfillDays(now, timeZone);
	const refused = async (result: LogResult): Promise<LogResult> => {
		// A replay of a log made earlier answers as the first time did, even once it would be refused.
		const seen = await findByIdempotencyKey(db, userId, input.idempotencyKey);
		if (!seen) return result;
		const [e] = await db
			.select({ points: ledgerEntry.points })
			.from(ledgerEntry)
			.where(eq(ledgerEntry.id, seen));
		return replay(seen, e?.points ?? 0);
	};
	if (input.day !== today && input.day !== yesterday) return refused(fail('actions.day.window', 400));

	const [act] = await db
		.select({
			id: action.id,
			points: action.points,
			dailyCap: action.dailyCap,
			audience: action.audience,
			retiredAt: action.retiredAt,
			grams: impactFactor.grams
		})
		.from(action)
		.innerJoin(impactFactor, eq(impactFactor.id, action.impactFactorId))
		.where(eq(action.id, input.actionId));
	if (!act) return refused(fail('actions.action.notFound', 404));
	if (act.retiredAt) return refused(fail('actions.action.retired', 400));
	if (
		(input.mode === 'person' && act.audience === 'household') ||
		(input.mode === 'household' && act.audience === 'student')
	)
		return refused(fail('actions.action.notForMode', 400));

	const { memberships: m, modes } = await loggingModes(db, userId);
	if (!modes.includes(input.mode))
		return refused(fail(input.mode === 'person' ? 'actions.mode.noClass' : 'actions.mode.noHousehold', 403));
	const classId = input.mode === 'person' ? m.classId : null;
	const householdId = m.householdId;
	// A form that names a class or household must name the user's own.
	if (
		(input.classId && input.classId !== classId) ||
		(input.householdId && input.householdId !== householdId)
	)
		return refused(fail('actions.group.notMember', 403));
	const running = await runningChallengesFor(db, { classId, neighbourhoodId: m.neighbourhoodId }, input.day);
	const credits = challengeCredits(running, act.id, input.count);
	const owner = { mode: input.mode, id: input.mode === 'person' ? userId : householdId! };

	return db.transaction(async (tx): Promise<LogResult> => {
		const guard = await logGuard(tx, userId, input, owner, now);
		if (guard.entryId !== null) return replay(guard.entryId, guard.points ?? 0);
		if (Number(guard.burst) >= ACTION_RULES.throttle.limit)
			return fail('actions.throttle', 429, {
				limit: ACTION_RULES.throttle.limit,
				minutes: ACTION_RULES.throttle.windowMinutes
			});
		const used = Number(guard.used);
		if (used + input.count > act.dailyCap)
			return fail('actions.cap', 400, { cap: act.dailyCap, left: Math.max(0, act.dailyCap - used) });

		const [log] = await tx
			.insert(actionLog)
			.values({
				actionId: act.id,
				mode: input.mode,
				actorId: userId,
				personId: userId,
				classId,
				householdId,
				localDay: input.day,
				count: input.count,
				createdAt: now
			})
			.returning({ id: actionLog.id });
		const entry = await appendEntry(tx, {
			localDay: input.day,
			points: act.points * input.count,
			gramsAvoided: act.grams * input.count,
			sourceKind: 'action',
			sourceId: log.id,
			actorId: userId,
			personId: userId,
			classId,
			householdId,
			credits,
			idempotencyKey: input.idempotencyKey,
			createdAt: now
		});
		await linkActionLog(tx, log.id, entry, input.count);
		const badges = await awardActionBadges(tx, userId, input.day, now);
		await afterLedgerWrite(tx, { classId }, today, now);
		return {
			ok: true,
			duplicate: false,
			entryId: entry.id,
			points: entry.points,
			challenges: credits,
			badges
		};
	});
}
