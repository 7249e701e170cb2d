import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { action, actionLog, impactFactor, ledgerEntry, type LogMode } from '$lib/server/db/schema';
import type { LogActionInput } from '$lib/schemas/actions';
import { addDays, localDay } from '$lib/utils/dates';
import { ACTION_RULES, THROTTLE_WINDOW_MS } from '$lib/rules/actions';
import { appendEntry, findByIdempotencyKey } from '$lib/server/ledger/ledger';
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

/**
 * Logs an action for a user: validates the day window, membership, throttle and daily cap, then
 * writes, in one transaction, the action log and its ledger entry (the action's catalogue points,
 * once, for the person, class and household), credited to every running challenge the person's
 * class or neighbourhood takes part in that counts the action (each at its own points), with the
 * badges, goals and challenge settlements it sets off. A repeated idempotency key returns the
 * first result and writes nothing.
 */
export async function logAction(
	db: DbOrTx,
	userId: number,
	input: LogActionInput,
	now: Date,
	timeZone: string
): Promise<LogResult> {
	const { today, yesterday } = backfillDays(now, timeZone);
	return db.transaction(async (tx): Promise<LogResult> => {
		const existing = await findByIdempotencyKey(tx, userId, input.idempotencyKey);
		if (existing) {
			const [e] = await tx
				.select({ points: ledgerEntry.points })
				.from(ledgerEntry)
				.where(eq(ledgerEntry.id, existing));
			return {
				ok: true,
				duplicate: true,
				entryId: existing,
				points: e?.points ?? 0,
				challenges: [],
				badges: []
			};
		}
		if (input.day !== today && input.day !== yesterday) return fail('actions.day.window', 400);

		const [act] = await tx
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
		if (!act) return fail('actions.action.notFound', 404);
		if (act.retiredAt) return fail('actions.action.retired', 400);
		if (
			(input.mode === 'person' && act.audience === 'household') ||
			(input.mode === 'household' && act.audience === 'student')
		)
			return fail('actions.action.notForMode', 400);

		const { memberships: m, modes } = await loggingModes(tx, userId);
		if (!modes.includes(input.mode))
			return fail(input.mode === 'person' ? 'actions.mode.noClass' : 'actions.mode.noHousehold', 403);
		const classId = input.mode === 'person' ? m.classId : null;
		const householdId = m.householdId;
		// A form that names a class or household must name the user's own.
		if (
			(input.classId && input.classId !== classId) ||
			(input.householdId && input.householdId !== householdId)
		)
			return fail('actions.group.notMember', 403);

		const [burst] = await tx
			.select({ n: sql<number>`count(*)` })
			.from(actionLog)
			.where(
				and(
					eq(actionLog.actorId, userId),
					gt(actionLog.createdAt, new Date(now.getTime() - THROTTLE_WINDOW_MS))
				)
			);
		if (Number(burst.n) >= ACTION_RULES.throttle.limit)
			return fail('actions.throttle', 429, {
				limit: ACTION_RULES.throttle.limit,
				minutes: ACTION_RULES.throttle.windowMinutes
			});

		const owner = input.mode === 'person' ? userId : householdId!;
		const used = (await usedToday(tx, input.mode, owner, [act.id], input.day)).get(act.id) ?? 0;
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
		const running = await runningChallengesFor(
			tx,
			{ classId, neighbourhoodId: m.neighbourhoodId },
			input.day
		);
		const credits = challengeCredits(running, act.id, input.count);
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
		await tx.update(actionLog).set({ ledgerEntryId: entry.id }).where(eq(actionLog.id, log.id));
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
