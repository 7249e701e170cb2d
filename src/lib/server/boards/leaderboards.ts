import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import type { PeriodKind, ScopeKind } from '$lib/server/db/schema';
import type { BoardSort, BoardWindow } from '$lib/schemas/boards';
import { BOARD_RULES } from '$lib/rules/boards';
import { addDays, monthEnd, monthKey, monthStart, weekStart } from '$lib/utils/dates';
import { loadSnapshot, type Snapshot, type SnapshotSource } from './ranks';
import { raceFromRows, raceQuery, type RaceData } from './race';
import { groupKindOf, type BoardSource } from './source';

export type { BoardSource } from './source';
export { competitionRanks } from './ranks';

/*
 * Ranking from the rollups. A board in one window and order is a rank snapshot (ranks.ts): every
 * row in board order (points, or points per member, then the newest row first), read as one index
 * range. The top of the board, the viewer's row and its neighbours, their ranks and their ranks in
 * the window before are positions in snapshots; one more statement brings the names of the rows
 * shown and, with them, the race chart's data. So a board request is the same handful of
 * statements whether the ledger holds 2 000 or 2 000 000 entries, and no count runs over the rows
 * above the viewer.
 */

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
	/** The leaders' race chart, when asked for (`RankOptions.race`). */
	race: RaceData | null;
}

export interface RankOptions {
	top?: number;
	around?: number;
	/** Where rank snapshots come from: read fresh unless the caller keeps them (view.ts does). */
	snapshots?: SnapshotSource;
	/** Also read the race chart of the first `groups` rows of the top, in the same statement. */
	race?: { groups: number; today: string };
}

const idList = (ids: number[]) =>
	sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `
	);

/** Display names (nicknames for people, never real names) and details of some groups, by id. */
function namesQuery(kind: ScopeKind, ids: number[]): SQL {
	const where = sql`g.id IN (${idList(ids)})`;
	switch (kind) {
		case 'person':
			return sql`SELECT 0 AS part, g.id AS scopeId, g.nickname AS name, NULL AS detail, NULL AS buckets FROM user g WHERE ${where}`;
		case 'class':
			return sql`SELECT 0 AS part, g.id AS scopeId, g.name AS name, s.name AS detail, NULL AS buckets FROM class g JOIN school s ON s.id = g.school_id WHERE ${where}`;
		case 'school':
			return sql`SELECT 0 AS part, g.id AS scopeId, g.name AS name, NULL AS detail, NULL AS buckets FROM school g WHERE ${where}`;
		case 'household':
			return sql`SELECT 0 AS part, g.id AS scopeId, g.display_name AS name, NULL AS detail, NULL AS buckets FROM household g WHERE ${where}`;
		default:
			return sql`SELECT 0 AS part, g.id AS scopeId, g.name AS name, NULL AS detail, NULL AS buckets FROM neighbourhood g WHERE ${where}`;
	}
}

/** Positions shown: the top, and the viewer's row with its neighbours when it is below the top. */
function shownPositions(
	board: Snapshot,
	sort: BoardSort,
	ownAt: number | undefined,
	topN: number,
	n: number
) {
	const top = [...Array(Math.min(topN, board.rows.length)).keys()];
	if (ownAt === undefined || ownAt < topN) return { top, around: [] as number[] };
	// A group not ranked per member has no neighbours on that board: it is listed alone.
	if (sort === 'member' && board.ranks[ownAt] === null) return { top, around: [ownAt] };
	const around: number[] = [];
	for (let i = Math.max(topN, ownAt - n); i <= Math.min(board.rows.length - 1, ownAt + n); i++)
		around.push(i);
	return { top, around };
}

/**
 * One board in one window: the top rows, the viewer's group with its neighbours, each shown row's
 * change of rank since the previous window, and (when asked) the leaders' race chart.
 */
export async function rankBoard(
	db: DbOrTx,
	src: BoardSource,
	period: BoardPeriod,
	sort: BoardSort,
	ownScopeId: number | null,
	options: RankOptions = {}
): Promise<RankedBoard> {
	const snapshot = options.snapshots ?? loadSnapshot;
	const board = await snapshot(db, src, period.kind, period.key, sort);
	if (board.rows.length === 0) return { top: [], around: [], own: null, groups: 0, race: null };
	const before = period.prevKey ? await snapshot(db, src, period.kind, period.prevKey, sort) : null;
	const ownAt = ownScopeId === null ? undefined : board.at.get(ownScopeId);
	const shown = shownPositions(
		board,
		sort,
		ownAt,
		options.top ?? BOARD_RULES.top,
		options.around ?? BOARD_RULES.neighbours
	);

	const kind = groupKindOf(src);
	const ids = [...shown.top, ...shown.around].map((i) => board.rows[i].scopeId);
	const leaders = options.race
		? shown.top.slice(0, options.race.groups).map((i) => board.rows[i].scopeId)
		: [];
	const race = options.race ? raceQuery(kind, leaders, period, options.race.today) : null;
	const found = await db.all<{
		part: number;
		scopeId: number;
		name: string | null;
		detail: string | null;
		buckets: string | null;
	}>(
		race
			? sql`${namesQuery(kind, ids)} UNION ALL SELECT 1, scopeId, NULL, NULL, buckets FROM (${race})`
			: namesQuery(kind, ids)
	);
	const names = new Map(found.filter((r) => r.part === 0).map((r) => [r.scopeId, r]));

	const toRow = (i: number): RankedRow => {
		const r = board.rows[i];
		const rank = board.ranks[i];
		const was = before?.at.get(r.scopeId);
		// The rank on the previous window's board (0 = listed there but not ranked); null = not on it.
		const prevRank = was === undefined ? null : (before!.ranks[was] ?? 0);
		const named = names.get(r.scopeId);
		return {
			...r,
			rank,
			change: prevRank && rank !== null ? prevRank - rank : null,
			isNew: !!period.prevKey && prevRank === null,
			own: r.scopeId === ownScopeId,
			name: named?.name ?? '—',
			detail: named?.detail ?? null
		};
	};
	const top = shown.top.map(toRow);
	const around = shown.around.map(toRow);
	return {
		top,
		around,
		own: top.find((r) => r.own) ?? around.find((r) => r.own) ?? null,
		groups: board.rows.length,
		race:
			race && options.race
				? raceFromRows(
						leaders,
						found.filter((r) => r.part === 1),
						period,
						options.race.today
					)
				: null
	};
}

/** One group's place on one board: its rank (by total), how many groups, and its points. */
export async function standingOf(
	db: DbOrTx,
	src: BoardSource,
	period: BoardPeriod,
	scopeId: number | null,
	snapshots: SnapshotSource = loadSnapshot
): Promise<{ rank: number | null; groups: number; points: number }> {
	const board = await snapshots(db, src, period.kind, period.key, 'total');
	const at = scopeId === null ? undefined : board.at.get(scopeId);
	return {
		groups: board.rows.length,
		points: at === undefined ? 0 : board.rows[at].points,
		rank: at === undefined ? null : board.ranks[at]
	};
}
