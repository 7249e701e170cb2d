import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Db } from '$lib/server/db/client';
import { action, actionLog, impactFactor, ledgerEntry, type LogMode } from '$lib/server/db/schema';
import type { LogActionInput } from '$lib/schemas/actions';
import { addDays, localDay } from '$lib/utils/dates';
import { appendEntry, findByIdempotencyKey } from '$lib/server/ledger/ledger';
import { adultHouseholdOf, getMemberships, type Memberships } from '$lib/server/access/membership';
import { awardActionBadges } from './badges';
import { checkClassGoals } from './goals';
import { challengeForLog, runningChallengesFor } from './challenges';

/** More than this many logs by one person within THROTTLE_WINDOW_MS is a burst and refused. */
export const THROTTLE_LIMIT = 30;
export const THROTTLE_WINDOW_MS = 15 * 60_000;

export type LogError =
	| 'actions.day.window'
	| 'actions.action.notFound'
	| 'actions.action.retired'
	| 'actions.action.notForMode'
	| 'actions.mode.noClass'
	| 'actions.mode.noHousehold'
	| 'actions.group.notMember'
	| 'actions.challenge.notFound'
	| 'actions.challenge.notParticipant'
	| 'actions.challenge.outsidePeriod'
	| 'actions.challenge.actionNotIncluded'
	| 'actions.throttle'
	| 'actions.cap';

export type LogResult =
	| { ok: true; duplicate: boolean; entryId: number; points: number; badges: string[] }
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
	return { today, yesterday: addDays(today, -1) };
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
 * Voided logs still count: a void says it did not happen, not that it may be logged again.
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
				inArray(actionLog.actionId, actionIds)
			)
		)
		.groupBy(actionLog.actionId);
	return new Map(rows.map((r) => [r.actionId, Number(r.used)]));
}

/**
 * Logs an action for a user: validates the day window, membership, challenge, throttle and daily cap,
 * then writes the action log, its ledger entry and any badges in one transaction. A repeated
 * idempotency key returns the first result and writes nothing.
 */
export async function logAction(
	db: Db,
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
			return { ok: true, duplicate: true, entryId: existing, points: e?.points ?? 0, badges: [] };
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

		let points = act.points;
		if (input.challengeId) {
			const check = await challengeForLog(tx, input.challengeId, input.actionId, input.day, {
				classId,
				neighbourhoodId: m.neighbourhoodId
			});
			if (!check.ok)
				return fail(
					check.error,
					check.error === 'actions.challenge.notFound'
						? 404
						: check.error === 'actions.challenge.notParticipant'
							? 403
							: 400
				);
			points = check.points;
		}

		const [burst] = await tx
			.select({ n: sql<number>`count(*)` })
			.from(actionLog)
			.where(
				and(
					eq(actionLog.actorId, userId),
					gt(actionLog.createdAt, new Date(now.getTime() - THROTTLE_WINDOW_MS))
				)
			);
		if (Number(burst.n) >= THROTTLE_LIMIT)
			return fail('actions.throttle', 429, { limit: THROTTLE_LIMIT, minutes: 15 });

		const owner = input.mode === 'person' ? userId : householdId!;
		const used = (await usedToday(tx, input.mode, owner, [act.id], input.day)).get(act.id) ?? 0;
		if (used + input.count > act.dailyCap)
			return fail('actions.cap', 400, { cap: act.dailyCap, left: Math.max(0, act.dailyCap - used) });

		const [log] = await tx
			.insert(actionLog)
			.values({
				actionId: act.id,
				challengeId: input.challengeId ?? null,
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
			points: points * input.count,
			gramsAvoided: act.grams * input.count,
			sourceKind: 'action',
			sourceId: log.id,
			actorId: userId,
			personId: userId,
			classId,
			householdId,
			challengeId: input.challengeId ?? null,
			idempotencyKey: input.idempotencyKey,
			createdAt: now
		});
		await tx.update(actionLog).set({ ledgerEntryId: entry.id }).where(eq(actionLog.id, log.id));
		const badges = await awardActionBadges(tx, userId, input.day, now);
		if (classId) await checkClassGoals(tx, classId, today, now);
		return { ok: true, duplicate: false, entryId: entry.id, points: entry.points, badges };
	});
}

export interface TodayAction {
	id: number;
	nameVi: string;
	nameEn: string;
	points: number;
	dailyCap: number;
	used: number;
	grams: number;
	challengeId: number | null;
	challengeTitle: string | null;
}

/**
 * The actions a user can log on a day in a mode, with how many are already used and, when a running
 * challenge they take part in counts the action, that challenge and its points.
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
	return usable.map((a) => {
		const ch = running.find((c) => c.actions.has(a.id));
		return {
			id: a.id,
			nameVi: a.nameVi,
			nameEn: a.nameEn,
			points: ch ? ch.actions.get(a.id)! : a.points,
			dailyCap: a.dailyCap,
			used: used.get(a.id) ?? 0,
			grams: a.grams,
			challengeId: ch?.id ?? null,
			challengeTitle: ch?.title ?? null
		};
	});
}
