import { and, desc, eq, gte, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, DbOrTx } from '$lib/server/db/client';
import { action, actionLog, classStudent, household, ledgerEntry, user } from '$lib/server/db/schema';
import { voidEntry } from '$lib/server/ledger/ledger';
import { isClassTeacher } from '$lib/server/access/membership';
import { isSelfUndo } from './undo';
import { isNeighbourhoodSteward } from '$lib/server/access/stewards';

export interface FeedEntry {
	id: number;
	localDay: string;
	createdAt: Date;
	points: number;
	gramsAvoided: number;
	gramsCollected: number;
	sourceKind: string;
	actionVi: string | null;
	actionEn: string | null;
	count: number | null;
	personId: number | null;
	nickname: string | null;
	classId: number | null;
	householdId: number | null;
	voided: boolean;
	/** Voided by the person who logged it, undoing a slip (`voidReason` then holds no words). */
	undone: boolean;
	voidReason: string | null;
	voidedBy: string | null;
}

const reversal = alias(ledgerEntry, 'reversal');
const voider = alias(user, 'voider');

/** Entries (never the reversal rows themselves) matching `where`, newest first, each with its void if any. */
async function feed(db: DbOrTx, where: SQL | undefined, limit: number, offset = 0): Promise<FeedEntry[]> {
	const rows = await db
		.select({
			id: ledgerEntry.id,
			localDay: ledgerEntry.localDay,
			createdAt: ledgerEntry.createdAt,
			points: ledgerEntry.points,
			gramsAvoided: ledgerEntry.gramsAvoided,
			gramsCollected: ledgerEntry.gramsCollected,
			sourceKind: ledgerEntry.sourceKind,
			actionVi: action.nameVi,
			actionEn: action.nameEn,
			count: actionLog.count,
			personId: ledgerEntry.personId,
			nickname: user.nickname,
			classId: ledgerEntry.classId,
			householdId: ledgerEntry.householdId,
			reversalId: reversal.id,
			reversalActor: reversal.actorId,
			actorId: ledgerEntry.actorId,
			voidReason: reversal.reason,
			voidedBy: voider.nickname
		})
		.from(ledgerEntry)
		.leftJoin(actionLog, and(eq(ledgerEntry.sourceKind, 'action'), eq(actionLog.id, ledgerEntry.sourceId)))
		.leftJoin(action, eq(action.id, actionLog.actionId))
		.leftJoin(user, eq(user.id, ledgerEntry.personId))
		.leftJoin(reversal, eq(reversal.reverses, ledgerEntry.id))
		.leftJoin(voider, eq(voider.id, reversal.actorId))
		.where(and(ne(ledgerEntry.sourceKind, 'reversal'), where))
		.orderBy(desc(ledgerEntry.createdAt), desc(ledgerEntry.id))
		.limit(limit)
		.offset(offset);
	return rows.map(({ reversalId, reversalActor, actorId, ...r }) => {
		const undone =
			reversalId !== null && isSelfUndo({ reason: r.voidReason, actorId: reversalActor }, actorId);
		return { ...r, voided: reversalId !== null, undone, voidReason: undone ? null : r.voidReason };
	});
}

/** A person's own recent entries, voided ones included with their reason. */
export function personFeed(db: DbOrTx, personId: number, limit = 40) {
	return feed(db, eq(ledgerEntry.personId, personId), limit);
}

const classWhere = (classId: number, sinceDay: string, personId?: number) =>
	and(
		eq(ledgerEntry.classId, classId),
		gte(ledgerEntry.localDay, sinceDay),
		personId ? eq(ledgerEntry.personId, personId) : undefined
	);

/** A class's entries since a day (for review), optionally one student's only; a page of them with `offset`. */
export function classFeed(
	db: DbOrTx,
	classId: number,
	sinceDay: string,
	limit = 100,
	personId?: number,
	offset = 0
) {
	return feed(db, classWhere(classId, sinceDay, personId), limit, offset);
}

/** How many entries `classFeed` would list without a limit (for its pages). */
export async function classFeedCount(db: DbOrTx, classId: number, sinceDay: string, personId?: number) {
	const [row] = await db
		.select({ n: sql<number>`count(*)` })
		.from(ledgerEntry)
		.where(and(ne(ledgerEntry.sourceKind, 'reversal'), classWhere(classId, sinceDay, personId)));
	return Number(row?.n ?? 0);
}

/** A household's entries since a day. */
export function householdFeed(db: DbOrTx, householdId: number, sinceDay: string, limit = 100) {
	return feed(db, and(eq(ledgerEntry.householdId, householdId), gte(ledgerEntry.localDay, sinceDay)), limit);
}

export interface Participation {
	userId: number;
	nickname: string;
	displayName: string;
	entries: number;
	points: number;
}

/** Each student of a class with their entries and points since `sinceDay` (voids net out), most active first. */
export async function classParticipation(
	db: DbOrTx,
	classId: number,
	sinceDay: string
): Promise<Participation[]> {
	// Reversals count -1 so a voided entry no longer counts as taking part.
	const entries = sql<number>`coalesce(sum(case when ${ledgerEntry.sourceKind} = 'reversal' then -1 when ${ledgerEntry.id} is not null then 1 else 0 end), 0)`;
	const rows = await db
		.select({
			userId: user.id,
			nickname: user.nickname,
			displayName: user.displayName,
			entries,
			points: sql<number>`coalesce(sum(${ledgerEntry.points}), 0)`
		})
		.from(classStudent)
		.innerJoin(user, eq(user.id, classStudent.userId))
		.leftJoin(
			ledgerEntry,
			and(
				eq(ledgerEntry.personId, classStudent.userId),
				eq(ledgerEntry.classId, classId),
				gte(ledgerEntry.localDay, sinceDay)
			)
		)
		.where(eq(classStudent.classId, classId))
		.groupBy(user.id)
		.orderBy(desc(entries), user.nickname);
	return rows.map((r) => ({ ...r, entries: Number(r.entries), points: Number(r.points) }));
}

export type VoidAsResult =
	| { ok: true }
	| {
			ok: false;
			error:
				'ledger.void.notFound' | 'ledger.void.already' | 'ledger.void.isReversal' | 'actions.void.forbidden';
	  };

/**
 * Voids an entry as `actorId`: only a teacher of the entry's class, or a steward of its household's
 * neighbourhood, may. `within` ties the entry to the page it was voided from (another class's or
 * household's entry is "not found" there).
 */
export async function voidEntryAs(
	db: Db,
	actorId: number,
	entryId: number,
	reason: string,
	within: { classId: number } | { householdId: number },
	now = new Date()
): Promise<VoidAsResult> {
	return db.transaction(async (tx) => {
		const [e] = await tx
			.select({
				classId: ledgerEntry.classId,
				householdId: ledgerEntry.householdId,
				nb: household.neighbourhoodId
			})
			.from(ledgerEntry)
			.leftJoin(household, eq(household.id, ledgerEntry.householdId))
			.where(eq(ledgerEntry.id, entryId));
		if (!e) return { ok: false as const, error: 'ledger.void.notFound' as const };
		if ('classId' in within ? e.classId !== within.classId : e.householdId !== within.householdId)
			return { ok: false as const, error: 'ledger.void.notFound' as const };
		let allowed = e.classId ? await isClassTeacher(tx, actorId, e.classId) : false;
		if (!allowed && e.nb) allowed = await isNeighbourhoodSteward(tx, actorId, e.nb);
		if (!allowed) return { ok: false as const, error: 'actions.void.forbidden' as const };
		const r = await voidEntry(tx, { entryId, actorId, reason, now });
		return r.ok ? { ok: true as const } : r;
	});
}
