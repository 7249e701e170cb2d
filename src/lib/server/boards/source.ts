import { sql, type SQL } from 'drizzle-orm';
import type { AreaBoardKind, PeriodKind, ScopeKind } from '$lib/server/db/schema';

/** Where a board's rows live: a group's own rollup under its parent, or the per-area copy. */
export type BoardSource =
	| { table: 'rollup'; scopeKind: ScopeKind; parentId: number }
	| { table: 'area'; boardKind: AreaBoardKind; areaId: number };

export function tableOf(src: BoardSource): SQL {
	return sql.raw(src.table === 'rollup' ? 'rollup' : 'rollup_area');
}

/** The equality prefix of the board index for table alias `a`: one board, one period. */
export function boardWhere(src: BoardSource, periodKind: PeriodKind, periodKey: string, a: string): SQL {
	const t = sql.raw(a);
	return src.table === 'rollup'
		? sql`${t}.scope_kind = ${src.scopeKind} AND ${t}.parent_id = ${src.parentId} AND ${t}.period_kind = ${periodKind} AND ${t}.period_key = ${periodKey}`
		: sql`${t}.board_kind = ${src.boardKind} AND ${t}.area_id = ${src.areaId} AND ${t}.period_kind = ${periodKind} AND ${t}.period_key = ${periodKey}`;
}

/** The kind of group a board's rows are. */
export function groupKindOf(src: BoardSource): ScopeKind {
	return src.table === 'rollup' ? src.scopeKind : src.boardKind;
}
