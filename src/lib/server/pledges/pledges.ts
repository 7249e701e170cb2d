import { and, count, eq, gte, isNull } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '$lib/server/db/client';
import { pledge, pledgeCheckin } from '$lib/server/db/schema';
import type { CheckinInput, CreatePledgeInput } from '$lib/schemas/pledges';
import { completionBonus, pledgeItem } from '$lib/pledges/items';
import { PLEDGE_LIMITS } from '$lib/rules/pledges';
import { addDays, daysBetween, localDay } from '$lib/utils/dates';
import { appendEntry, findByIdempotencyKey } from '$lib/server/ledger/ledger';
import { afterLedgerWrite } from '$lib/server/actions/consequences';
import { activeHouseholdOf, getMemberships } from '$lib/server/access/membership';
import { relationToChild } from '$lib/server/access/relations';
import { awardBadge } from '$lib/server/actions/badges';
import { isPledgeKept } from './streaks';
import { PLEDGE_BADGE } from '$lib/domain/badges';

export type PledgeRow = typeof pledge.$inferSelect;
type Status = 400 | 403 | 404 | 409;
type PledgeError =
	| 'pledge.error.notFound'
	| 'pledge.error.notYours'
	| 'pledge.error.notAdult'
	| 'pledge.error.untilDay'
	| 'pledge.error.grams'
	| 'pledge.error.tooMany'
	| 'pledge.error.tooManyToday'
	| 'pledge.error.already'
	| 'pledge.error.beforeStart'
	| 'pledge.error.afterEnd'
	| 'pledge.error.ended'
	| 'pledge.error.over';
type Failure = { ok: false; error: PledgeError; status: Status; field?: string };
const failure = (error: PledgeError, status: Status, field?: string): Failure => ({
	ok: false,
	error,
	status,
	field
});

/** Whether `userId` may check in on (and see) this pledge: its owner, or a member of its household. */
async function mayUsePledge(
	db: DbOrTx,
	userId: number,
	p: Pick<PledgeRow, 'userId' | 'householdId'>
): Promise<boolean> {
	if (p.householdId === null) return p.userId === userId;
	const m = await activeHouseholdOf(db, userId);
	return m?.householdId === p.householdId;
}

/**
 * What a person may do with a pledge: check in and end it ('act': its owner or household), only
 * look ('view': a linked guardian or a teacher of the owner's class), or nothing (null).
 */
export async function pledgeAccess(
	db: DbOrTx,
	userId: number,
	p: Pick<PledgeRow, 'userId' | 'householdId'>
): Promise<'act' | 'view' | null> {
	if (await mayUsePledge(db, userId, p)) return 'act';
	if (p.householdId !== null || p.userId === null) return null;
	const relation = await relationToChild(db, userId, p.userId);
	return relation === 'guardian' || relation === 'teacher' ? 'view' : null;
}

/** Whether the pledge is still running on `day` (not ended early, not past its end, not completed). */
function isRunning(p: Pick<PledgeRow, 'endDay' | 'endedOn' | 'completedOn'>, day: string): boolean {
	return !p.endedOn && !p.completedOn && day <= p.endDay;
}

export type CreateResult = { ok: true; pledgeId: number; duplicate: boolean } | Failure;

/**
 * Starts a pledge today: personal, or for the household when the person is one of its adults.
 * A repeated submission (same idempotency key) returns the pledge it already made.
 */
export function createPledge(
	db: Db,
	userId: number,
	input: CreatePledgeInput,
	now: Date,
	timeZone: string
): Promise<CreateResult> {
	return db.transaction((tx) => createPledgeWithin(tx, userId, input, now, timeZone));
}

/** `createPledge` inside the caller's transaction (the demo seeder writes all its history in one). */
export async function createPledgeWithin(
	tx: Tx,
	userId: number,
	input: CreatePledgeInput,
	now: Date,
	timeZone: string
): Promise<CreateResult> {
	const today = localDay(now, timeZone);
	let endDay: string;
	if (input.days !== null) endDay = addDays(today, input.days - 1);
	else {
		const until = input.untilDay ?? '';
		const span =
			/^\d{4}-\d{2}-\d{2}$/.test(until) && addDays(until, 0) === until ? daysBetween(today, until) + 1 : NaN;
		if (!(span >= PLEDGE_LIMITS.minDays && span <= PLEDGE_LIMITS.maxDays))
			return failure('pledge.error.untilDay', 400, 'untilDay');
		endDay = until;
	}
	const item = pledgeItem(input.item);
	const grams = input.item === 'custom' ? input.customGrams : item.grams;
	if (!grams) return failure('pledge.error.grams', 400, 'customGrams');

	const [existing] = await tx
		.select({ id: pledge.id })
		.from(pledge)
		.where(and(eq(pledge.userId, userId), eq(pledge.idempotencyKey, input.idempotencyKey)));
	if (existing) return { ok: true, pledgeId: existing.id, duplicate: true } as const;

	let householdId: number | null = null;
	if (input.owner === 'household') {
		const m = await activeHouseholdOf(tx, userId);
		if (!m || m.kind !== 'adult') return failure('pledge.error.notAdult', 403, 'owner');
		householdId = m.householdId;
	}
	const [{ n }] = await tx
		.select({ n: count() })
		.from(pledge)
		.where(
			and(
				householdId === null
					? and(eq(pledge.userId, userId), isNull(pledge.householdId))
					: eq(pledge.householdId, householdId),
				isNull(pledge.endedOn),
				isNull(pledge.completedOn),
				gte(pledge.endDay, today)
			)
		);
	if (n >= PLEDGE_LIMITS.maxActive) return failure('pledge.error.tooMany', 400);
	// Ending and restarting pledges must not become a way to collect check-in points many times a day.
	const [{ started }] = await tx
		.select({ started: count() })
		.from(pledge)
		.where(and(eq(pledge.userId, userId), eq(pledge.startDay, today)));
	if (started >= PLEDGE_LIMITS.maxStartsPerDay) return failure('pledge.error.tooManyToday', 400);

	const [row] = await tx
		.insert(pledge)
		.values({
			userId,
			householdId,
			item: input.item,
			customName: input.item === 'custom' ? input.customName : null,
			gramsPerItem: grams,
			usesPerDay: input.usesPerDay,
			startDay: today,
			endDay,
			idempotencyKey: input.idempotencyKey,
			createdAt: now
		})
		.returning({ id: pledge.id });
	return { ok: true, pledgeId: row.id, duplicate: false } as const;
}

export type CheckinResult =
	{ ok: true; duplicate: boolean; day: string; completed: boolean; bonus: number } | Failure;

function isUniqueViolation(e: unknown): boolean {
	const text =
		String((e as { message?: string })?.message ?? e) + String((e as { cause?: unknown })?.cause ?? '');
	return /UNIQUE constraint failed/i.test(text);
}

/**
 * Records today's or yesterday's check-in: the check-in row, its ledger entry (person + class +
 * household for a personal pledge; household + the person for a household pledge) and, when this
 * check-in keeps the whole pledge, the completion bonus and badge, all in one transaction.
 */
export async function checkIn(
	db: Db,
	userId: number,
	input: CheckinInput,
	now: Date,
	timeZone: string
): Promise<CheckinResult> {
	try {
		return await db.transaction((tx) => checkInWithin(tx, userId, input, now, timeZone));
	} catch (e) {
		// The unique indexes are the backstop when two submissions race past the checks below.
		if (isUniqueViolation(e)) return failure('pledge.error.already', 409, 'day');
		throw e;
	}
}

/** `checkIn` inside the caller's transaction. */
export async function checkInWithin(
	tx: Tx,
	userId: number,
	input: CheckinInput,
	now: Date,
	timeZone: string
): Promise<CheckinResult> {
	const today = localDay(now, timeZone);
	const day = input.day === 'today' ? today : addDays(today, -1);
	const seen = await findByIdempotencyKey(tx, userId, input.idempotencyKey);
	if (seen) return { ok: true, duplicate: true, day, completed: false, bonus: 0 } as const;

	const [p] = await tx.select().from(pledge).where(eq(pledge.id, input.pledgeId));
	if (!p) return failure('pledge.error.notFound', 404);
	if (!(await mayUsePledge(tx, userId, p))) return failure('pledge.error.notYours', 403);
	if (p.endedOn) return failure('pledge.error.ended', 409);
	if (day < p.startDay) return failure('pledge.error.beforeStart', 400, 'day');
	if (day > p.endDay) return failure('pledge.error.afterEnd', 400, 'day');
	const [dup] = await tx
		.select({ id: pledgeCheckin.id })
		.from(pledgeCheckin)
		.where(and(eq(pledgeCheckin.pledgeId, p.id), eq(pledgeCheckin.localDay, day)));
	if (dup) return failure('pledge.error.already', 409, 'day');

	const m = await getMemberships(tx, userId);
	const classId = p.householdId === null ? m.classId : null;
	const householdId = p.householdId ?? m.householdId;
	const grams = input.count * p.gramsPerItem;
	const [row] = await tx
		.insert(pledgeCheckin)
		.values({
			pledgeId: p.id,
			localDay: day,
			itemsAvoided: input.count,
			gramsAvoided: grams,
			userId,
			classId,
			householdId,
			createdAt: now
		})
		.returning({ id: pledgeCheckin.id });
	const credit = { actorId: userId, personId: userId, classId, householdId, createdAt: now };
	await appendEntry(tx, {
		...credit,
		localDay: day,
		points: PLEDGE_LIMITS.checkinPoints,
		gramsAvoided: grams,
		sourceKind: 'checkin',
		sourceId: row.id,
		idempotencyKey: input.idempotencyKey
	});
	// A class goal may count pledge check-ins: mark it reached in the same transaction.
	await afterLedgerWrite(tx, { classId }, today, now);

	if (p.completedOn) return { ok: true, duplicate: false, day, completed: false, bonus: 0 } as const;
	const days = await tx
		.select({ day: pledgeCheckin.localDay })
		.from(pledgeCheckin)
		.where(eq(pledgeCheckin.pledgeId, p.id));
	if (
		!isPledgeKept(
			days.map((d) => d.day),
			p.startDay,
			p.endDay
		)
	) {
		return { ok: true, duplicate: false, day, completed: false, bonus: 0 } as const;
	}
	// Only the transaction that flips completed_on pays the bonus: exactly once.
	const flipped = await tx
		.update(pledge)
		.set({ completedOn: day })
		.where(and(eq(pledge.id, p.id), isNull(pledge.completedOn)))
		.returning({ id: pledge.id });
	if (flipped.length === 0) return { ok: true, duplicate: false, day, completed: false, bonus: 0 } as const;
	const bonus = completionBonus(daysBetween(p.startDay, p.endDay) + 1);
	await appendEntry(tx, { ...credit, localDay: day, points: bonus, sourceKind: 'bonus', sourceId: p.id });
	await awardBadge(
		tx,
		PLEDGE_BADGE,
		p.householdId === null ? { userId } : { householdId: p.householdId },
		String(p.id),
		now
	);
	return { ok: true, duplicate: false, day, completed: true, bonus } as const;
}

export type EndResult = { ok: true } | Failure;

/** Ends a running pledge today; its check-ins and points stay. Household pledges: adults only. */
export async function endPledge(
	db: Db,
	userId: number,
	pledgeId: number,
	now: Date,
	timeZone: string
): Promise<EndResult> {
	const today = localDay(now, timeZone);
	return db.transaction(async (tx) => {
		const [p] = await tx.select().from(pledge).where(eq(pledge.id, pledgeId));
		if (!p) return failure('pledge.error.notFound', 404);
		if (!(await mayUsePledge(tx, userId, p))) return failure('pledge.error.notYours', 403);
		if (p.householdId !== null && (await activeHouseholdOf(tx, userId))?.kind !== 'adult')
			return failure('pledge.error.notAdult', 403);
		if (!isRunning(p, today)) return failure('pledge.error.over', 409);
		await tx.update(pledge).set({ endedOn: today }).where(eq(pledge.id, p.id));
		return { ok: true } as const;
	});
}
