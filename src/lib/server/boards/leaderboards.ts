import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import type { AreaBoardKind, PeriodKind, ScopeKind } from '$lib/server/db/schema';
import type { BoardSort, BoardWindow } from '$lib/schemas/boards';
import { BOARD_RULES } from '$lib/rules/boards';
import { addDays, dayRange, daysBetween, monthEnd, monthKey, monthStart, weekStart } from '$lib/utils/dates';
import { CHART_RULES } from '$lib/rules/charts';

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
			return {
				window,
				kind: 'month',
				key: monthKey(today),
				prevKey: monthKey(addDays(start, -1)),
				startDay: start,
				endDay: monthEnd(today)
			};
		}
		case 'challenge': {
			if (!challenge) throw new Error('a challenge window needs its challenge');
			return {
				window,
				kind: 'challenge',
				key: String(challenge.id),
				prevKey: null,
				startDay: challenge.startDay,
				endDay: challenge.endDay
			};
		}
		default:
			return { window: 'all', kind: 'all', key: 'all', prevKey: null, startDay: null, endDay: today };
	}
}

export interface RankedRow {
	scopeId: number;
	points: number;
	activeMembers: number;
	/** Points per active member; null while the group is not ranked that way (`PER_MEMBER_RULES`). */
	perMember: number | null;
	/** Shared by ties; null when not ranked (per-member sort with too few active members). */
	rank: number | null;
	/** Places gained (+) or lost (−) since the previous window; null when there is no previous window or rank. */
	change: number | null;
	/** Not on the previous window's board at all. */
	isNew: boolean;
	own: boolean;
	/** A nickname for a person (never the real name), the chosen name of a group. */
	name: string;
	/** The school of a class (shown on area boards, where classes of many schools meet). */
	detail: string | null;
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
	rank: number | null;
	/** On the previous window's board: its rank there (0 = listed but unranked); null = not on it. */
	prevRank: number | null;
	name: string | null;
	detail: string | null;
}

/*
 * A board request is a handful of statements that each return at most a few rows: SQLite counts
 * the rows above each shown row itself (a correlated count over the board index), because turning
 * rows into JavaScript objects costs far more than counting index entries natively.
 */

function tableOf(src: BoardSource): SQL {
	return sql.raw(src.table === 'rollup' ? 'rollup' : 'rollup_area');
}

/** The equality prefix of the board index for table alias `a`: one board, one period. */
function boardWhere(src: BoardSource, periodKind: PeriodKind, periodKey: string, a: string): SQL {
	const t = sql.raw(a);
	return src.table === 'rollup'
		? sql`${t}.scope_kind = ${src.scopeKind} AND ${t}.parent_id = ${src.parentId} AND ${t}.period_kind = ${periodKind} AND ${t}.period_key = ${periodKey}`
		: sql`${t}.board_kind = ${src.boardKind} AND ${t}.area_id = ${src.areaId} AND ${t}.period_kind = ${periodKind} AND ${t}.period_key = ${periodKey}`;
}

const col = (sort: BoardSort, a: string) => sql.raw(`${a}.${sort === 'member' ? 'per_member' : 'points'}`);
const columns = (a: string) =>
	sql.raw(
		`${a}.scope_id AS scopeId, ${a}.points AS points, ${a}.active_members AS activeMembers, ${a}.per_member AS perMember, ${a}.rowid AS rid`
	);

/** 1 + the rows with a strictly higher score (so ties share a rank); null for an unranked score. */
function rankOf(src: BoardSource, kind: PeriodKind, key: string, sort: BoardSort, a: string): SQL {
	return sql`CASE WHEN ${col(sort, a)} IS NULL THEN NULL ELSE (SELECT count(*) FROM ${tableOf(src)} x WHERE ${boardWhere(src, kind, key, 'x')} AND ${col(sort, 'x')} > ${col(sort, a)}) + 1 END`;
}

/** The kind of group a board's rows are. */
export function groupKindOf(src: BoardSource): ScopeKind {
	return src.table === 'rollup' ? src.scopeKind : src.boardKind;
}

/** Display name and detail of the group in row `a`: nicknames for people, never real names. */
function nameOf(src: BoardSource, a: string): SQL {
	const id = sql.raw(`${a}.scope_id`);
	switch (groupKindOf(src)) {
		case 'person':
			return sql`(SELECT g.nickname FROM user g WHERE g.id = ${id}) AS name, NULL AS detail`;
		case 'class':
			return sql`(SELECT g.name FROM class g WHERE g.id = ${id}) AS name,
				(SELECT s.name FROM class g JOIN school s ON s.id = g.school_id WHERE g.id = ${id}) AS detail`;
		case 'school':
			return sql`(SELECT g.name FROM school g WHERE g.id = ${id}) AS name, NULL AS detail`;
		case 'household':
			return sql`(SELECT g.display_name FROM household g WHERE g.id = ${id}) AS name, NULL AS detail`;
		case 'neighbourhood':
			return sql`(SELECT g.name FROM neighbourhood g WHERE g.id = ${id}) AS name, NULL AS detail`;
		default:
			return sql`NULL AS name, NULL AS detail`;
	}
}

/** The row's rank on the previous window's board, and whether it was on that board at all. */
function previousOf(src: BoardSource, period: BoardPeriod, sort: BoardSort, a: string): SQL {
	if (!period.prevKey) return sql`NULL AS prevRank`;
	const t = tableOf(src);
	const p = boardWhere(src, period.kind, period.prevKey, 'p');
	const id = sql.raw(`${a}.scope_id`);
	// 0 = on the previous board but not ranked there; NULL = not on it at all.
	return sql`(SELECT coalesce(${rankOf(src, period.kind, period.prevKey, sort, 'p')}, 0) FROM ${t} p WHERE ${p} AND p.scope_id = ${id}) AS prevRank`;
}

/**
 * Everything a shown row needs, in one select list: scores, previous rank, name, and (unless the
 * caller ranks the rows itself, as for the top of the board) its rank.
 */
function rowSelect(
	src: BoardSource,
	period: BoardPeriod,
	sort: BoardSort,
	a: string,
	withRank: boolean
): SQL {
	const rank = withRank ? rankOf(src, period.kind, period.key, sort, a) : sql`NULL`;
	return sql`${columns(a)}, ${rank} AS rank, ${previousOf(src, period, sort, a)}, ${nameOf(src, a)}`;
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

/** The top rows in board order (highest first, newest row first among ties), ranked, with the board's size. */
export function topQuery(src: BoardSource, period: BoardPeriod, sort: BoardSort, limit: number): SQL {
	const { kind, key } = period;
	return sql`SELECT ${rowSelect(src, period, sort, 'r', false)},
		(SELECT count(*) FROM ${tableOf(src)} x WHERE ${boardWhere(src, kind, key, 'x')}) AS groups
		FROM ${tableOf(src)} r WHERE ${boardWhere(src, kind, key, 'r')}
		ORDER BY ${col(sort, 'r')} DESC, r.rowid DESC LIMIT ${limit}`;
}

/**
 * A group's row with up to `n` rows either side of it in board order (arm 0 above, nearest first;
 * 1 itself; 2 below), each an index range from the group's own (score, rowid). A group that is not
 * ranked per member has no neighbours on that board: it is listed alone.
 */
export function aroundQuery(
	src: BoardSource,
	period: BoardPeriod,
	sort: BoardSort,
	scopeId: number,
	n: number
): SQL {
	const { kind, key } = period;
	const t = tableOf(src);
	const w = boardWhere(src, kind, key, 'r');
	const c = col(sort, 'r');
	const select = rowSelect(src, period, sort, 'r', true);
	const arm = (no: number, where: SQL, order: SQL, limit: number) =>
		sql`SELECT * FROM (SELECT ${no} AS arm, ${select} FROM ${t} r, o WHERE ${w} AND ${where} ORDER BY ${order} LIMIT ${limit})`;
	const arms = [
		arm(0, sql`${c} >= o.v AND (${c} > o.v OR r.rowid > o.rid)`, sql`${c} ASC, r.rowid ASC`, n),
		arm(1, sql`r.rowid = o.rid`, sql`r.rowid`, 1),
		arm(2, sql`${c} <= o.v AND (${c} < o.v OR r.rowid < o.rid)`, sql`${c} DESC, r.rowid DESC`, n)
	];
	// NULL sorts below every number: on the per-member board the unranked come last.
	if (sort === 'member') arms.push(arm(3, sql`${c} IS NULL AND o.v IS NOT NULL`, sql`r.rowid DESC`, n));
	return sql`WITH o AS (SELECT ${col(sort, 'b')} AS v, b.rowid AS rid FROM ${t} b WHERE ${boardWhere(src, kind, key, 'b')} AND b.scope_id = ${scopeId})
		${sql.join(arms, sql` UNION ALL `)}`;
}

export interface RankOptions {
	top?: number;
	around?: number;
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
	const topN = options.top ?? BOARD_RULES.top;
	const aroundN = options.around ?? BOARD_RULES.neighbours;
	const topRows = await db.all<RawRow & { groups: number }>(topQuery(src, period, sort, topN));
	if (topRows.length === 0) return { top: [], around: [], own: null, groups: 0 };
	const groups = topRows[0].groups;
	// Everything above a top row is in the list, so its rank needs no count.
	competitionRanks(topRows.map((r) => (sort === 'member' ? r.perMember : r.points))).forEach(
		(rank, i) => (topRows[i].rank = rank)
	);

	let aroundRows: RawRow[] = [];
	if (ownScopeId !== null && !topRows.some((r) => r.scopeId === ownScopeId)) {
		const arms = await db.all<RawRow & { arm: number }>(aroundQuery(src, period, sort, ownScopeId, aroundN));
		const above = arms.filter((r) => r.arm === 0).reverse();
		const below = arms.filter((r) => r.arm >= 2).slice(0, aroundN);
		const own = arms.filter((r) => r.arm === 1);
		if (own.length)
			aroundRows = [...above, ...own, ...below].filter((r) => !topRows.some((t) => t.scopeId === r.scopeId));
	}

	const toRow = (raw: RawRow): RankedRow => ({
		scopeId: raw.scopeId,
		points: raw.points,
		activeMembers: raw.activeMembers,
		perMember: raw.perMember,
		rank: raw.rank,
		change: raw.prevRank && raw.rank !== null ? raw.prevRank - raw.rank : null,
		isNew: !!period.prevKey && raw.prevRank === null,
		own: raw.scopeId === ownScopeId,
		name: raw.name ?? '—',
		detail: raw.detail
	});
	const top = topRows.map(toRow);
	const around = aroundRows.map(toRow);
	const own = top.find((r) => r.own) ?? around.find((r) => r.own) ?? null;
	return { top, around, own, groups };
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
	const ids = sql.join(
		scopeIds.map((id) => sql`${id}`),
		sql`, `
	);
	const last = today < period.endDay ? today : period.endDay;
	const byWeek = period.window === 'all';
	// At most CHART_RULES.maxPoints weeks back, whatever days the database holds.
	const firstWeek = addDays(weekStart(last), -7 * (CHART_RULES.maxPoints - 1));
	// One short row per group (its buckets joined into a string): rows cost more than characters.
	const range = byWeek
		? sql`period_kind = 'week' AND period_key >= ${firstWeek} AND period_key <= ${last}`
		: sql`period_kind = 'day' AND period_key >= ${period.startDay} AND period_key <= ${last}`;
	const packed = await db.all<{ scopeId: number; buckets: string }>(
		sql`SELECT scope_id AS scopeId, group_concat(period_key || '=' || points) AS buckets FROM rollup
			WHERE scope_kind = ${scopeKind} AND scope_id IN (${ids}) AND ${range} GROUP BY scope_id`
	);
	const rows = packed.flatMap((p) =>
		p.buckets.split(',').map((b) => {
			const [k, points] = b.split('=');
			return { scopeId: p.scopeId, k, points: Number(points) };
		})
	);
	const labels: string[] = [];
	if (byWeek) {
		const first =
			rows.reduce<string | null>((min, r) => (min === null || r.k < min ? r.k : min), null) ??
			weekStart(last);
		const weeks = Math.min(Math.floor(daysBetween(first, last) / 7) + 1, CHART_RULES.maxPoints);
		for (let i = 0; i < weeks; i++) labels.push(addDays(first, 7 * i));
	} else {
		labels.push(...dayRange(period.startDay!, last, CHART_RULES.maxPoints));
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

/** One group's place on one board: its rank (by total), how many groups, and its points. One statement. */
export async function standingOf(
	db: DbOrTx,
	src: BoardSource,
	period: BoardPeriod,
	scopeId: number | null
): Promise<{ rank: number | null; groups: number; points: number }> {
	const [row] = await db.all<{ groups: number; points: number | null; rank: number | null }>(sql`
		SELECT (SELECT count(*) FROM ${tableOf(src)} x WHERE ${boardWhere(src, period.kind, period.key, 'x')}) AS groups,
			r.points AS points, ${rankOf(src, period.kind, period.key, 'total', 'r')} AS rank
		FROM (SELECT 1) LEFT JOIN ${tableOf(src)} r ON ${boardWhere(src, period.kind, period.key, 'r')} AND r.scope_id = ${scopeId ?? 0}`);
	return { groups: row.groups, points: row.points ?? 0, rank: row.points === null ? null : row.rank };
}
