import type { DbOrTx } from '$lib/server/db/client';
import { BOARD_RULES } from '$lib/rules/boards';
import { boardTags, memoBoard } from './cache';
import type { BoardSort } from '$lib/schemas/boards';
import { sourceFor, type BoardContext } from './board-access';
import { boardsOfClass, boardsOfHousehold, type BoardRef } from './board-refs';
import { rankBoard, standingOf, windowPeriod, type BoardPeriod, type RankedRow } from './leaderboards';
import { keptSnapshot } from './ranks';

/** How much of a board to show (the defaults are `BOARD_RULES`'). */
export interface ViewOptions {
	top?: number;
	around?: number;
}

export type BoardRowView = RankedRow;

export interface BoardView {
	groups: number;
	top: BoardRowView[];
	around: BoardRowView[];
	own: BoardRowView | null;
	race: { labels: string[]; series: { name: string; points: number[] }[] } | null;
}

/**
 * A board ready to show: ranked rows with display names, and the race chart's data. Memoised per
 * board, window, order and viewer's group until a write changes it (see cache.ts).
 */
export function boardView(
	db: DbOrTx,
	board: BoardContext,
	period: BoardPeriod,
	sort: BoardSort,
	today: string,
	options?: ViewOptions
): Promise<BoardView> {
	const key = [
		board.kind,
		board.containerId,
		period.kind,
		period.key,
		sort,
		board.ownScopeId,
		today,
		options?.top,
		options?.around
	].join('|');
	return memoBoard(key, boardTags(board.source, period), () =>
		computeBoardView(db, board, period, sort, today, options)
	);
}

async function computeBoardView(
	db: DbOrTx,
	board: BoardContext,
	period: BoardPeriod,
	sort: BoardSort,
	today: string,
	options?: ViewOptions
): Promise<BoardView> {
	const ranked = await rankBoard(db, board.source, period, sort, board.ownScopeId, {
		...options,
		snapshots: keptSnapshot,
		race: { groups: BOARD_RULES.raceGroups, today }
	});
	// A class's school matters only on an area board, where classes of many schools meet.
	const withDetail = board.kind === 'class-in-area';
	const shown = (r: RankedRow): BoardRowView => (withDetail ? r : { ...r, detail: null });
	const leaders = ranked.top.slice(0, BOARD_RULES.raceGroups);
	const race = ranked.race;
	const top = ranked.top.map(shown);
	const around = ranked.around.map(shown);
	return {
		groups: ranked.groups,
		top,
		around,
		own: top.find((r) => r.own) ?? around.find((r) => r.own) ?? null,
		race: race && {
			labels: race.labels,
			series: race.series.map((s, i) => ({ name: leaders[i].name, points: s.points }))
		}
	};
}

export interface Standing extends BoardRef {
	rank: number | null;
	groups: number;
	points: number;
}

/** Where a group stands on each of the given boards in one window (by total points). */
export async function standingsOn(db: DbOrTx, refs: BoardRef[], period: BoardPeriod): Promise<Standing[]> {
	const out: Standing[] = [];
	for (const ref of refs) {
		out.push({
			...ref,
			...(await standingOf(
				db,
				sourceFor(ref.kind, ref.containerId).source,
				period,
				ref.scopeId,
				keptSnapshot
			))
		});
	}
	return out;
}

/** Where a class stands this week on every board it is on (for the class page). */
export async function classStandings(db: DbOrTx, classId: number, today: string): Promise<Standing[]> {
	return standingsOn(db, await boardsOfClass(db, classId), windowPeriod('week', today));
}

/** Where a household stands this week on every board it is on (for the household page). */
export async function householdStandings(
	db: DbOrTx,
	householdId: number,
	today: string
): Promise<Standing[]> {
	return standingsOn(db, await boardsOfHousehold(db, householdId), windowPeriod('week', today));
}
