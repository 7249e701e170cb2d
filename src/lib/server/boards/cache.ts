import { onLedgerWrite, type LedgerWrite } from '$lib/server/ledger/events';
import { onWriteSettled } from '$lib/server/db/write-gate';
import { AREA_BOARD_KINDS, type PeriodKind } from '$lib/server/db/schema';
import type { BoardSource } from './source';

/*
 * A memo of ranked boards, dropped board by board as the ledger writes. Boards are read far more
 * often than points are written, and a classroom's screen or a whole class reads the same board,
 * so a request usually finds the board another request ranked.
 *
 * Each memoised board carries tags: its board (where its rows live: a group kind under a parent,
 * or a group kind in an area) with the window it shows and the window before it (which gives the
 * rank changes). The ledger announces each write (ledger/events.ts: the groups it moved with their
 * parents, the periods, the areas); the memo drops exactly the boards whose tags the write names,
 * once when the write is announced and again when its transaction has ended (write-gate.ts), so a
 * board ranked between the two, from the database as it was before the commit, is not kept. A
 * write that rebuilt boards (an area moved, a student changed class) drops every window of them.
 *
 * What stays stale, and for how long: writes made by another app instance, and changes that are
 * not ledger writes (a renamed class, an erased child), show within `MEMO_TTL_MS`.
 * BOARD_CACHE=off turns the memo off.
 */

/** The longest a memoised board is shown, whatever happened elsewhere. */
export const MEMO_TTL_MS = 10_000;
const MAX_ENTRIES = 5000;

interface Entry {
	at: number;
	value: Promise<unknown>;
	tags: string[];
}

const memo = new Map<string, Entry>();
/** tag → keys of the entries carrying it. */
const byTag = new Map<string, Set<string>>();

/** Where a board's rows live, as a tag prefix: `rollup:class:12` (classes of school 12), `area:school:3`. */
export function boardTag(src: BoardSource): string {
	return src.table === 'rollup'
		? `rollup:${src.scopeKind}:${src.parentId}`
		: `area:${src.boardKind}:${src.areaId}`;
}

/** A board's tag for one window. */
export const periodTag = (board: string, kind: PeriodKind, key: string) => `${board}|${kind}:${key}`;

/** The tags of a board in a window: the board itself, the window, and the window before it. */
export function boardTags(
	src: BoardSource,
	period: { kind: PeriodKind; key: string; prevKey: string | null }
) {
	const board = boardTag(src);
	const tags = [board, periodTag(board, period.kind, period.key)];
	if (period.prevKey) tags.push(periodTag(board, period.kind, period.prevKey));
	return tags;
}

function remove(key: string): void {
	const entry = memo.get(key);
	if (!entry) return;
	memo.delete(key);
	for (const tag of entry.tags) {
		const keys = byTag.get(tag);
		keys?.delete(key);
		if (keys?.size === 0) byTag.delete(tag);
	}
}

function dropTag(tag: string): void {
	for (const key of [...(byTag.get(tag) ?? [])]) remove(key);
}

/** The tags a ledger write touches (see the module comment). */
export function writeTags(write: LedgerWrite): string[] {
	const boards = write.scopes.map((s) => `rollup:${s.kind}:${s.parentId}`);
	const areaKinds = AREA_BOARD_KINDS.filter(
		(k) => write.scopes.some((s) => s.kind === k) || write.periods === 'every'
	);
	for (const areaId of write.areaIds) for (const kind of areaKinds) boards.push(`area:${kind}:${areaId}`);
	if (write.periods === 'every') {
		// A person who changed class leaves a student board this write does not name: drop them all.
		if (write.scopes.some((s) => s.kind === 'person')) boards.push('rollup:person');
		return boards;
	}
	const periods = write.periods.filter((p) => p.kind !== 'day');
	return boards.flatMap((board) => periods.map((p) => periodTag(board, p.kind, p.key)));
}

let pending: string[] = [];

function dropWrite(write: LedgerWrite): void {
	const tags = writeTags(write);
	for (const tag of tags) dropTag(tag);
	pending.push(...tags);
}

onLedgerWrite(dropWrite);
onWriteSettled(() => {
	const tags = pending;
	pending = [];
	for (const tag of tags) dropTag(tag);
});

/** Forget every memoised board. */
export function invalidateBoards(): void {
	memo.clear();
	byTag.clear();
}

export function boardCacheEnabled(): boolean {
	return process.env.BOARD_CACHE !== 'off';
}

/**
 * The memoised value for `key`, or `load()`'s (shared by concurrent callers while it runs), kept
 * until a write names one of `tags` or `MEMO_TTL_MS` passes. Off with BOARD_CACHE=off.
 */
export function memoBoard<T>(
	key: string,
	tags: string[],
	load: () => Promise<T>,
	now = Date.now()
): Promise<T> {
	return boardCacheEnabled() ? remember(key, tags, load, now) : load();
}

/** `memoBoard` whatever BOARD_CACHE says: for what the board path keeps as an index (rank snapshots). */
export function remember<T>(
	key: string,
	tags: string[],
	load: () => Promise<T>,
	now = Date.now()
): Promise<T> {
	const hit = memo.get(key);
	if (hit && now - hit.at < MEMO_TTL_MS) return hit.value as Promise<T>;
	remove(key);
	const value = load();
	// A student board also answers to `rollup:person` (every student board, see `writeTags`).
	const all = tags.some((t) => t.startsWith('rollup:person:')) ? [...tags, 'rollup:person'] : tags;
	const entry: Entry = { at: now, value, tags: [...new Set(all)] };
	memo.set(key, entry);
	for (const tag of entry.tags) {
		let keys = byTag.get(tag);
		if (!keys) byTag.set(tag, (keys = new Set()));
		keys.add(key);
	}
	// A failed read is not remembered.
	value.catch(() => {
		if (memo.get(key) === entry) remove(key);
	});
	if (memo.size > MAX_ENTRIES) remove(memo.keys().next().value!);
	return value;
}
