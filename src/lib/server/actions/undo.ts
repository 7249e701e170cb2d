import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, DbOrTx } from '$lib/server/db/client';
import { action, actionLog, ledgerEntry } from '$lib/server/db/schema';
import { voidEntry } from '$lib/server/ledger/ledger';
import { ACTION_RULES, UNDO_WINDOW_MS } from '$lib/rules/actions';

/**
 * The reason stored on a reversal the author made themself. Together with "the reversal's actor is
 * the entry's actor" it tells an undo from a teacher's or steward's void (whose reason is typed).
 */
export const UNDO_REASON = 'undo';

/** Whether a reversal is its author's own undo (not a teacher's or steward's void of their entry). */
export function isSelfUndo(
	reversal: { reason: string | null; actorId: number | null },
	entryActorId: number | null
): boolean {
	return reversal.reason === UNDO_REASON && reversal.actorId !== null && reversal.actorId === entryActorId;
}

export type UndoResult =
	| { ok: true; /** It was already undone or voided: nothing was written (a double tap). */ already: boolean }
	| { ok: false; error: 'actions.undo.notFound'; status: 404 }
	| { ok: false; error: 'actions.undo.expired'; status: 403; params: { minutes: number } };

const reversal = alias(ledgerEntry, 'reversal');

/**
 * Undoes an action the user logged themself, within `ACTION_RULES.undoMinutes` of logging it, as a
 * reversal in the ledger (the same path as a teacher's void). Anyone else's entry, or an entry that
 * is not an action log, is "not found" (nothing about it is told); a second undo of the same entry
 * writes nothing and succeeds, so a double tap undoes once.
 */
export async function undoOwnEntry(
	db: Db,
	userId: number,
	entryId: number,
	now = new Date()
): Promise<UndoResult> {
	return db.transaction(async (tx): Promise<UndoResult> => {
		const [e] = await tx
			.select({
				actorId: ledgerEntry.actorId,
				sourceKind: ledgerEntry.sourceKind,
				createdAt: ledgerEntry.createdAt,
				reversalId: reversal.id
			})
			.from(ledgerEntry)
			.leftJoin(reversal, eq(reversal.reverses, ledgerEntry.id))
			.where(eq(ledgerEntry.id, entryId));
		if (!e || e.actorId !== userId || e.sourceKind !== 'action')
			return { ok: false, error: 'actions.undo.notFound', status: 404 };
		if (e.reversalId !== null) return { ok: true, already: true };
		if (now.getTime() - e.createdAt.getTime() > UNDO_WINDOW_MS)
			return {
				ok: false,
				error: 'actions.undo.expired',
				status: 403,
				params: { minutes: ACTION_RULES.undoMinutes }
			};
		const r = await voidEntry(tx, { entryId, actorId: userId, reason: UNDO_REASON, now });
		// Another writer cannot slip in between (one write transaction), so only "already" is possible.
		return { ok: true, already: !r.ok };
	});
}

export interface Undoable {
	entryId: number;
	nameVi: string;
	nameEn: string;
	count: number;
	points: number;
	localDay: string;
	/** Whole minutes left to undo it (at least 1 while it is offered). */
	minutesLeft: number;
}

/** The user's own action logs they can still undo, newest first (at most `ACTION_RULES.undoListed`). */
export async function undoableEntries(db: DbOrTx, userId: number, now = new Date()): Promise<Undoable[]> {
	const rows = await db
		.select({
			entryId: ledgerEntry.id,
			nameVi: action.nameVi,
			nameEn: action.nameEn,
			count: actionLog.count,
			points: ledgerEntry.points,
			localDay: ledgerEntry.localDay,
			createdAt: ledgerEntry.createdAt
		})
		// From the action log's (actor, time) index: a few rows, whatever the ledger's size.
		.from(actionLog)
		.innerJoin(ledgerEntry, eq(ledgerEntry.id, actionLog.ledgerEntryId))
		.innerJoin(action, eq(action.id, actionLog.actionId))
		.leftJoin(reversal, eq(reversal.reverses, ledgerEntry.id))
		.where(
			and(
				eq(actionLog.actorId, userId),
				gt(actionLog.createdAt, new Date(now.getTime() - UNDO_WINDOW_MS)),
				eq(ledgerEntry.actorId, userId),
				gt(ledgerEntry.createdAt, new Date(now.getTime() - UNDO_WINDOW_MS)),
				isNull(reversal.id)
			)
		)
		.orderBy(desc(ledgerEntry.createdAt), desc(ledgerEntry.id))
		.limit(ACTION_RULES.undoListed);
	return rows.map(({ createdAt, ...r }) => ({
		...r,
		minutesLeft: Math.max(1, Math.ceil((createdAt.getTime() + UNDO_WINDOW_MS - now.getTime()) / 60_000))
	}));
}
