import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import type { AreaBoardKind, PeriodKind, ScopeKind } from '$lib/server/db/schema';
import type { BoardSort, BoardWindow } from '$lib/schemas/boards';
import { addDays, monthEnd, monthKey, monthStart, weekStart } from '$lib/utils/dates';

/**
 * Ranking from the rollups. Every query here is an index range (see leaderboards.plan.test.ts):
 * the top of a board walks `rollup_board_idx` (or its per-member twin) backwards, a rank is a count
 * of the rows above, and the neighbours of a row are the next rows either side in index order
 * (points, then rowid), so a board costs the same whether the ledger holds 2 000 or 2 000 000 rows.
 */

/** Where a board's rows live: a group's own rollup under its parent, or the per-area copy. */
export type BoardSource =
	| { table: 'rollup'; scopeKind: ScopeKind; parentId: number }
	| { table: 'area'; boardKind: AreaBoardKind; areaId: number };

/** A window resolved to rollup keys; `prevKey` is the window before it (for rank changes). */
export interface BoardPeriod {
	window: BoardWindow;
	kind: PeriodKind;
	key: string;
	prevKey: string | null;
	/** First and last local day of the window (null start = all time). */
	startDay: string | null;
	endDay: string;
}

/** The rollup period of a window on `today` (a local day in the app time zone). */
export function windowPeriod(
	window: BoardWindow,
	today: string,
	challenge?: { id: number; startDay: string; endDay: string }
): BoardPeriod {
	switch (window) {
		case 'week': {
			const key = weekStart(today);
			return { window, kind: 'week', key, prevKey: addDays(key, -7), startDay: key, endDay: addDays(key, 6) };
		}
		case 'month': {
			const start = monthStart(today);
			return { window, kind: 'month', key: monthKey(today), prevKey: monthKey(addDays(start, -1)), startDay: start, endDay: monthEnd(today) };
		}
		case 'challenge': {
			if (!challenge) throw new Error('a challenge window needs its challenge');
			return { window, kind: 'challenge', key: String(challenge.id), prevKey: null, startDay: challenge.startDay, endDay: challenge.endDay };
		}
		default:
			return { window: 'all', kind: 'all', key: 'all', prevKey: null, startDay: null, endDay: today };
	}
}

export interface RankedRow {
	scopeId: number;
	points: number;
	activeMembers: number;
	/** Points per active member; null while fewer than 3 members are active (listed, not ranked on it). */
	perMember: number | null;
	/** Shared by ties; null when not ranked (per-member sort with too few active members). */
	rank: number | null;
	/** Places gained (+) or lost (−) since the previous window; null when there is no previous window or rank. */
	change: number | null;
	/** Not on the previous window's board at all. */
	isNew: boolean;
	own: boolean;
}

export interface RankedBoard {
	top: RankedRow[];
	/** The viewer's group with up to two neighbours either side, when it is not in the top. */
	around: RankedRow[];
	own: RankedRow | null;
	/** Groups on the board (with at least one entry in the window). */
	groups: number;
}

interface RawRow {
	scopeId: number;
	points: number;
	activeMembers: number;
	perMember: number | null;
	rid: number;
}

const COLUMNS = sql.raw('scope_id AS scopeId, points, active_members AS activeMembers, per_member AS perMember, rowid AS rid');

function tableOf(src: BoardSource): SQL {
	return sql.raw(src.table === 'rollup' ? 'rollup' : 'rollup_area');
}

/** The equality prefix of the board index: one board, one period. */
function boardWhere(src: BoardSource, periodKind: PeriodKind, periodKey: string): SQL {
	return src.table === 'rollup'
		? sql`scope_kind = ${src.scopeKind} AND parent_id = ${src.parentId} AND period_kind = ${periodKind} AND period_key = ${periodKey}`
		: sql`board_kind = ${src.boardKind} AND area_id = ${src.areaId} AND period_kind = ${periodKind} AND period_key = ${periodKey}`;
}

function sortColumn(sort: BoardSort): SQL {
	return sql.raw(sort === 'member' ? 'per_member' : 'points');
}

const valueOf = (r: Pick<RawRow, 'points' | 'perMember'>, sort: BoardSort) => (sort === 'member' ? r.perMember : r.points);

/** The top `limit` rows in board order (highest first, then newest row first among ties). */
export function topQuery(src: BoardSource, kind: PeriodKind, key: string, sort: BoardSort, limit: number): SQL {
	const col = sortColumn(sort);
	return sql`SELECT ${COLUMNS} FROM ${tableOf(src)} WHERE ${boardWhere(src, kind, key)} ORDER BY ${col} DESC, rowid DESC LIMIT ${limit}`;
}

/** How many rows have a strictly higher score: the rank is this plus one, so ties share it. */
export function countAboveQuery(src: BoardSource, kind: PeriodKind, key: string, sort: BoardSort, value: number): SQL {
	return sql`SELECT count(*) AS n FROM ${tableOf(src)} WHERE ${boardWhere(src, kind, key)} AND ${sortColumn(sort)} > ${value}`;
}

export function countQuery(src: BoardSource, kind: PeriodKind, key: string): SQL {
	return sql`SELECT count(*) AS n FROM ${tableOf(src)} WHERE ${boardWhere(src, kind, key)}`;
}

/** Given groups' rows on a board (a primary-key or board-index lookup each). */
export function rowsOfQuery(src: BoardSource, kind: PeriodKind, key: string, scopeIds: number[]): SQL {
	const ids = sql.join(scopeIds.map((id) => sql`${id}`), sql`, `);
	return sql`SELECT ${COLUMNS} FROM ${tableOf(src)} WHERE ${boardWhere(src, kind, key)} AND scope_id IN (${ids})`;
}

/**
 * Up to `n` rows just above (`dir` 'up') or below a row in board order. Two index ranges: the
 * row's ties on the other side of its rowid, then the next distinct scores.
 */
export function neighbourQueries(
	src: BoardSource,
	kind: PeriodKind,
	key: string,
	sort: BoardSort,
	at: { value: number | null; rid: number },
	dir: 'up' | 'down',
	n: number
): SQL[] {
	const t = tableOf(src);
	const w = boardWhere(src, kind, key);
	const col = sortColumn(sort);
	const same = at.value === null ? sql`${col} IS NULL` : sql`${col} = ${at.value}`;
	if (dir === 'up') {
		const ties = sql`SELECT ${COLUMNS} FROM ${t} WHERE ${w} AND ${same} AND rowid > ${at.rid} ORDER BY rowid ASC LIMIT ${n}`;
		const higher =
			at.value === null
				? sql`SELECT ${COLUMNS} FROM ${t} WHERE ${w} AND ${col} IS NOT NULL ORDER BY ${col} ASC, rowid ASC LIMIT ${n}`
				: sql`SELECT ${COLUMNS} FROM ${t} WHERE ${w} AND ${col} > ${at.value} ORDER BY ${col} ASC, rowid ASC LIMIT ${n}`;
		return [ties, higher];
	}
	const ties = sql`SELECT ${COLUMNS} FROM ${t} WHERE ${w} AND ${same} AND rowid < ${at.rid} ORDER BY rowid DESC LIMIT ${n}`;
	if (at.value === null) return [ties];
	const lower = sql`SELECT ${COLUMNS} FROM ${t} WHERE ${w} AND ${col} < ${at.value} ORDER BY ${col} DESC, rowid DESC LIMIT ${n}`;
	// NULL sorts below every number: unranked groups come last on the per-member board.
	const unranked = sql`SELECT ${COLUMNS} FROM ${t} WHERE ${w} AND ${col} IS NULL ORDER BY rowid DESC LIMIT ${n}`;
	return sort === 'member' ? [ties, lower, unranked] : [ties, lower];
}

async function countAbove(db: DbOrTx, src: BoardSource, kind: PeriodKind, key: string, sort: BoardSort, value: number | null) {
	if (value === null) return null;
	const [row] = await db.all<{ n: number }>(countAboveQuery(src, kind, key, sort, value));
	return row.n + 1;
}

async function neighbours(db: DbOrTx, src: BoardSource, p: BoardPeriod, sort: BoardSort, own: RawRow, dir: 'up' | 'down', n: number) {
	const out: RawRow[] = [];
	for (const q of neighbourQueries(src, p.kind, p.key, sort, { value: valueOf(own, sort), rid: own.rid }, dir, n)) {
		if (out.length >= n) break;
		const rows = await db.all<RawRow>(sql`${q}`);
		out.push(...rows.slice(0, n - out.length));
	}
	return dir === 'up' ? out.reverse() : out;
}

/** Ranks within a list already in board order that starts at the top: equal scores share a rank. */
export function competitionRanks(values: (number | null)[]): (number | null)[] {
	const ranks: (number | null)[] = [];
	values.forEach((v, i) => {
		if (v === null) ranks.push(null);
		else if (i > 0 && values[i - 1] === v) ranks.push(ranks[i - 1]);
		else ranks.push(i + 1);
	});
	return ranks;
}

/**
 * Boards up to this many groups (a school's classes, a neighbourhood's households, an area's
 * schools) are read whole in one index range and ranked in memory: fewer statements than walking
 * the index for each rank. Bigger boards (every class of a province) walk the index instead.
 */
export const SMALL_BOARD = 100;

export interface RankOptions {
	top?: number;
	around?: number;
	/** Largest board ranked in memory (tests set 0 to force the index walk). */
	smallBoard?: number;
}

/**
 * One board in one window: the top rows, the viewer's group with its neighbours, and each shown
 * row's change of rank since the previous window.
 */
export async function rankBoard(
	db: DbOrTx,
	src: BoardSource,
	period: BoardPeriod,
	sort: BoardSort,
	ownScopeId: number | null,
	options: RankOptions = {}
): Promise<RankedBoard> {
	const topN = options.top ?? 10;
	const aroundN = options.around ?? 2;
	const small = options.smallBoard ?? SMALL_BOARD;
	const head = await db.all<RawRow>(topQuery(src, period.kind, period.key, sort, Math.max(small + 1, topN)));
	if (head.length === 0) return { top: [], around: [], own: null, groups: 0 };

	let groups: number;
	let topRows: RawRow[];
	let aroundRaw: RawRow[] = [];
	const ranked = new Map<number, { raw: RawRow; rank: number | null }>();
	if (head.length <= small) {
		// The whole board is in hand: ranks, the viewer's place and neighbours come from the list.
		groups = head.length;
		const ranks = competitionRanks(head.map((r) => valueOf(r, sort)));
		head.forEach((raw, i) => ranked.set(raw.scopeId, { raw, rank: ranks[i] }));
		topRows = head.slice(0, topN);
		const at = ownScopeId === null ? -1 : head.findIndex((r) => r.scopeId === ownScopeId);
		if (at >= topN) aroundRaw = head.slice(Math.max(topN, at - aroundN), at + aroundN + 1);
	} else {
		[{ n: groups }] = await db.all<{ n: number }>(countQuery(src, period.kind, period.key));
		topRows = head.slice(0, topN);
		competitionRanks(topRows.map((r) => valueOf(r, sort))).forEach((rank, i) => ranked.set(topRows[i].scopeId, { raw: topRows[i], rank }));
		if (ownScopeId !== null && !ranked.has(ownScopeId)) {
			const [own] = await db.all<RawRow>(rowsOfQuery(src, period.kind, period.key, [ownScopeId]));
			if (own) {
				const up = await neighbours(db, src, period, sort, own, 'up', aroundN);
				const down = await neighbours(db, src, period, sort, own, 'down', aroundN);
				aroundRaw = [...up, own, ...down];
				const ownValue = valueOf(own, sort);
				const ownRank = await countAbove(db, src, period.kind, period.key, sort, ownValue);
				for (const raw of aroundRaw) {
					if (ranked.has(raw.scopeId)) continue;
					const v = valueOf(raw, sort);
					const rank = v === ownValue ? ownRank : await countAbove(db, src, period.kind, period.key, sort, v);
					ranked.set(raw.scopeId, { raw, rank });
				}
			}
		}
	}

	const shown = [...topRows, ...aroundRaw].map((raw) => ranked.get(raw.scopeId)!);
	const changes = await rankChanges(db, src, period, sort, shown, small);
	const toRow = (raw: RawRow): RankedRow => {
		const entry = ranked.get(raw.scopeId)!;
		const change = changes.get(raw.scopeId);
		return {
			scopeId: raw.scopeId,
			points: raw.points,
			activeMembers: raw.activeMembers,
			perMember: raw.perMember,
			rank: entry.rank,
			change: change?.change ?? null,
			isNew: change?.isNew ?? false,
			own: raw.scopeId === ownScopeId
		};
	};
	const top = topRows.map(toRow);
	const around = aroundRaw.filter((r) => !topRows.some((t) => t.scopeId === r.scopeId)).map(toRow);
	const own = top.find((r) => r.own) ?? around.find((r) => r.own) ?? null;
	return { top, around, own, groups };
}

async function rankChanges(
	db: DbOrTx,
	src: BoardSource,
	period: BoardPeriod,
	sort: BoardSort,
	rows: { raw: RawRow; rank: number | null }[],
	small: number
): Promise<Map<number, { change: number | null; isNew: boolean }>> {
	const out = new Map<number, { change: number | null; isNew: boolean }>();
	if (!period.prevKey || rows.length === 0) return out;
	const prevKey = period.prevKey;
	const prevRank = new Map<number, number | null>();
	// A small previous board is read whole (one range); a big one answers per row with counts.
	const whole = await db.all<RawRow>(topQuery(src, period.kind, prevKey, sort, small + 1));
	if (whole.length <= small) {
		const ranks = competitionRanks(whole.map((r) => valueOf(r, sort)));
		whole.forEach((r, i) => prevRank.set(r.scopeId, ranks[i]));
	} else {
		const prevRows = await db.all<RawRow>(rowsOfQuery(src, period.kind, prevKey, rows.map((r) => r.raw.scopeId)));
		const byValue = new Map<number, number | null>();
		for (const prev of prevRows) {
			const v = valueOf(prev, sort);
			if (v !== null && !byValue.has(v)) byValue.set(v, await countAbove(db, src, period.kind, prevKey, sort, v));
			prevRank.set(prev.scopeId, v === null ? null : (byValue.get(v) ?? null));
		}
	}
	for (const { raw, rank } of rows) {
		if (!prevRank.has(raw.scopeId)) {
			out.set(raw.scopeId, { change: null, isNew: true });
			continue;
		}
		const before = prevRank.get(raw.scopeId) ?? null;
		out.set(raw.scopeId, { change: before !== null && rank !== null ? before - rank : null, isNew: false });
	}
	return out;
}

/** Points per bucket (day, or week for all time) of some groups, for the board's race chart. */
export interface RaceData {
	labels: string[];
	series: { scopeId: number; points: number[] }[];
}

/**
 * Day-by-day points of the given groups over a week or month window (up to `today`), or week by
 * week for all time: a primary-key range per group on its own rollup. Null for a challenge window,
 * whose day rows would mix in points from outside the challenge.
 */
export async function raceData(
	db: DbOrTx,
	scopeKind: ScopeKind,
	scopeIds: number[],
	period: BoardPeriod,
	today: string
): Promise<RaceData | null> {
	if (period.window === 'challenge' || scopeIds.length === 0) return null;
	const ids = sql.join(scopeIds.map((id) => sql`${id}`), sql`, `);
	const last = today < period.endDay ? today : period.endDay;
	const byWeek = period.window === 'all';
	const rows = byWeek
		? await db.all<{ scopeId: number; k: string; points: number }>(
				sql`SELECT scope_id AS scopeId, period_key AS k, points FROM rollup
				WHERE scope_kind = ${scopeKind} AND scope_id IN (${ids}) AND period_kind = 'week' AND period_key <= ${last}`
			)
		: await db.all<{ scopeId: number; k: string; points: number }>(
				sql`SELECT scope_id AS scopeId, period_key AS k, points FROM rollup
				WHERE scope_kind = ${scopeKind} AND scope_id IN (${ids}) AND period_kind = 'day'
				AND period_key >= ${period.startDay} AND period_key <= ${last}`
			);
	const labels: string[] = [];
	if (byWeek) {
		const first = rows.reduce<string | null>((min, r) => (min === null || r.k < min ? r.k : min), null) ?? weekStart(last);
		for (let d = first; d <= last; d = addDays(d, 7)) labels.push(d);
	} else {
		for (let d = period.startDay!; d <= last; d = addDays(d, 1)) labels.push(d);
	}
	const index = new Map(labels.map((l, i) => [l, i]));
	const series = scopeIds.map((scopeId) => ({ scopeId, points: labels.map(() => 0) }));
	const bySeries = new Map(series.map((s) => [s.scopeId, s]));
	for (const r of rows) {
		const i = index.get(r.k);
		if (i !== undefined) bySeries.get(r.scopeId)!.points[i] += r.points;
	}
	return { labels, series };
}

/** One group's place on one board: its rank (by total), how many groups, and its points. */
export async function standingOf(
	db: DbOrTx,
	src: BoardSource,
	period: BoardPeriod,
	scopeId: number | null
): Promise<{ rank: number | null; groups: number; points: number }> {
	const [{ n: groups }] = await db.all<{ n: number }>(countQuery(src, period.kind, period.key));
	const [own] = groups && scopeId !== null ? await db.all<RawRow>(rowsOfQuery(src, period.kind, period.key, [scopeId])) : [];
	if (!own) return { rank: null, groups, points: 0 };
	return { rank: await countAbove(db, src, period.kind, period.key, 'total', own.points), groups, points: own.points };
}
