import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import type { PeriodKind } from '$lib/server/db/schema';
import type { BoardSort } from '$lib/schemas/boards';
import { boardTag, periodTag, remember } from './cache';
import { boardWhere, tableOf, type BoardSource } from './source';

/*
 * Rank snapshots: one board in one window and order, every row in board order with its rank,
 * read in one statement (an index range, packed into one string: a row object per group would
 * cost more than the reading). A rank or a neighbour is then a lookup, not a count over every
 * row above the viewer, and the board's size is the snapshot's length: what a board request
 * costs no longer grows with the groups in its container. The request path keeps snapshots in
 * memory, dropped like the board memo by the writes that change the board and window (cache.ts),
 * and read again on the next request; tests and tools read them fresh.
 */

/** One group on a board. */
export interface BoardRow {
	scopeId: number;
	points: number;
	perMember: number | null;
	activeMembers: number;
}

export interface Snapshot {
	/** Every group on the board, best first (ties: the newest row first). */
	rows: BoardRow[];
	/** Competition rank of each row (ties share it); null when the row is not ranked in this order. */
	ranks: (number | null)[];
	/** Each group's position in `rows`. */
	at: Map<number, number>;
}

/** Ranks of a list in board order that starts at the top: equal scores share a rank. */
export function competitionRanks(values: (number | null)[]): (number | null)[] {
	const ranks: (number | null)[] = [];
	values.forEach((v, i) => {
		if (v === null) ranks.push(null);
		else if (i > 0 && values[i - 1] === v) ranks.push(ranks[i - 1]);
		else ranks.push(i + 1);
	});
	return ranks;
}

const scoreOf = (sort: BoardSort) => (r: BoardRow) => (sort === 'member' ? r.perMember : r.points);

/** The statement that reads a snapshot: the board's index walked backwards, packed. */
export function snapshotQuery(src: BoardSource, kind: PeriodKind, key: string, sort: BoardSort): SQL {
	const col = sql.raw(sort === 'member' ? 'x.per_member' : 'x.points');
	return sql`SELECT group_concat(b.scope_id || ',' || b.points || ',' || coalesce(b.per_member, '') || ',' || b.active_members || ',' || b.rid, ';') AS packed
		FROM (SELECT x.scope_id, x.points, x.per_member, x.active_members, x.rowid AS rid FROM ${tableOf(src)} x
			WHERE ${boardWhere(src, kind, key, 'x')} ORDER BY ${col} DESC, x.rowid DESC) b`;
}

function unpack(packed: string | null, sort: BoardSort): Snapshot {
	const rows: BoardRow[] = [];
	const rids: number[] = [];
	if (packed) {
		for (const item of packed.split(';')) {
			const [id, points, perMember, active, rid] = item.split(',');
			rows.push({
				scopeId: Number(id),
				points: Number(points),
				perMember: perMember === '' ? null : Number(perMember),
				activeMembers: Number(active)
			});
			rids.push(Number(rid));
		}
	}
	const score = scoreOf(sort);
	// SQLite concatenates in the subquery's index order; should it ever not, put the board in order.
	const ordered = rows.every((r, i) => i === 0 || before(score(rows[i - 1]), rids[i - 1], score(r), rids[i]));
	if (!ordered) {
		const idx = rows
			.map((_, i) => i)
			.sort((a, b) => (before(score(rows[a]), rids[a], score(rows[b]), rids[b]) ? -1 : 1));
		const sorted = idx.map((i) => rows[i]);
		rows.splice(0, rows.length, ...sorted);
	}
	return { rows, ranks: competitionRanks(rows.map(score)), at: new Map(rows.map((r, i) => [r.scopeId, i])) };
}

/** Whether (a, aRid) comes before (b, bRid) on a board: higher first, NULL last, newer row first among ties. */
function before(a: number | null, aRid: number, b: number | null, bRid: number): boolean {
	if (a === b) return aRid > bRid;
	if (a === null) return false;
	if (b === null) return true;
	return a > b;
}

/** A snapshot read now. */
export async function loadSnapshot(
	db: DbOrTx,
	src: BoardSource,
	kind: PeriodKind,
	key: string,
	sort: BoardSort
): Promise<Snapshot> {
	const [row] = await db.all<{ packed: string | null }>(snapshotQuery(src, kind, key, sort));
	return unpack(row?.packed ?? null, sort);
}

/** Where snapshots come from: read fresh (the default), or kept between requests (`keptSnapshot`). */
export type SnapshotSource = typeof loadSnapshot;

/** A snapshot kept in memory until a write changes its board and window (the request path's). */
export const keptSnapshot: SnapshotSource = (db, src, kind, key, sort) => {
	const board = boardTag(src);
	return remember(`snapshot|${board}|${kind}|${key}|${sort}`, [board, periodTag(board, kind, key)], () =>
		loadSnapshot(db, src, kind, key, sort)
	);
};
