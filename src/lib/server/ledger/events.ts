import type { PeriodKind, ScopeKind } from '$lib/server/db/schema';

/**
 * What a ledger write changed, announced to whoever listens (the board memo): the groups whose
 * rollups moved, each with the group a board ranks it within, and the periods that moved, or
 * `'every'` when a structural change (an area move, a person leaving a class) rebuilt them.
 */
export interface LedgerWrite {
	scopes: { kind: ScopeKind; id: number; parentId: number }[];
	periods: { kind: PeriodKind; key: string }[] | 'every';
	/** Areas whose per-area boards changed. */
	areaIds: number[];
}

type Listener = (write: LedgerWrite) => void;
const listeners = new Set<Listener>();

/**
 * Calls `listener` after each ledger write in this process (inside the writer's transaction, so a
 * listener must be quick and must not touch the database). Returns a function that stops it.
 */
export function onLedgerWrite(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/** Tells every listener what a write changed (the ledger calls this; nothing else should). */
export function announceWrite(write: LedgerWrite): void {
	for (const listener of listeners) listener(write);
}
