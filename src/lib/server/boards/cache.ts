import { onLedgerWrite } from '$lib/server/ledger/events';

/**
 * A short-lived memo of ranked boards. Boards are read far more often than points are written,
 * and a whole class reads the same board, so a request usually finds the board another one just
 * ranked. Every ledger write in this process drops the memo at once (it listens to the ledger's
 * write announcements, which name the groups, periods and areas a write changed, so a finer
 * invalidation can come later); the lifetime bounds how stale a board can be after a write made
 * by another process, or one committing while a board was being read. BOARD_CACHE=off turns it off.
 */
const TTL_MS = 2000;
const MAX_ENTRIES = 2000;

let generation = 0;
const memo = new Map<string, { at: number; generation: number; value: Promise<unknown> }>();

/** Forget every memoised board. */
export function invalidateBoards(): void {
	generation++;
	memo.clear();
}

onLedgerWrite(invalidateBoards);

export function boardCacheEnabled(): boolean {
	return process.env.BOARD_CACHE !== 'off';
}

/** The memoised value for `key`, or `load()`'s (shared by concurrent callers while it runs). */
export function memoBoard<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
	if (!boardCacheEnabled()) return load();
	const hit = memo.get(key);
	if (hit && hit.generation === generation && now - hit.at < TTL_MS) return hit.value as Promise<T>;
	const value = load();
	const entry = { at: now, generation, value };
	memo.set(key, entry);
	// A failed read is not remembered.
	value.catch(() => {
		if (memo.get(key) === entry) memo.delete(key);
	});
	if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
	return value;
}
