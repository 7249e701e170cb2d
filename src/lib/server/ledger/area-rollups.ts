import { sql } from 'drizzle-orm';
import type { Tx } from '$lib/server/db/client';
import { AREA_BOARD_KINDS, type AreaBoardKind } from '$lib/server/db/schema';
import { perMemberScore } from '$lib/rules/boards';
import { jsonColumns, jsonUpsert, perMemberAfter, type Cell, type Scope } from './counters';

const HEAD =
	sql.raw(`INSERT INTO rollup_area (board_kind, area_id, scope_id, period_kind, period_key, points, entries,
	active_members, active_days, per_member) SELECT ${jsonColumns(10)}`);
const TAIL = sql.raw(`ON CONFLICT (board_kind, scope_id, period_kind, period_key, area_id) DO UPDATE SET
	points = rollup_area.points + excluded.points, entries = rollup_area.entries + excluded.entries,
	active_members = rollup_area.active_members + excluded.active_members,
	active_days = rollup_area.active_days + excluded.active_days,
	per_member = ${perMemberAfter('rollup_area', 'board_kind')}`);

/**
 * The per-area copies of the class, school and neighbourhood cells (one row per area in the
 * group's chain, which `scopesFor` read with the groups), in one upsert; returns the areas touched.
 */
export async function applyToAreaRollups(
	tx: Tx,
	cells: Cell[],
	active: (c: Cell) => { m: number; d: number },
	sign: 1 | -1
): Promise<number[]> {
	const inAreas = cells.filter(
		(c): c is Cell & { scope: Scope & { kind: AreaBoardKind; areaChain: number[] } } =>
			c.scope.areaChain !== undefined && (AREA_BOARD_KINDS as readonly string[]).includes(c.scope.kind)
	);
	const rows = inAreas.flatMap((c) => {
		const { m, d } = active(c);
		const perMember = perMemberScore(c.scope.kind, c.points, m, d);
		return c.scope.areaChain.map((areaId) => [
			c.scope.kind,
			areaId,
			c.scope.id,
			c.period.kind,
			c.period.key,
			c.points,
			sign,
			m,
			d,
			perMember
		]);
	});
	if (rows.length === 0) return [];
	if (sign > 0) await tx.run(jsonUpsert(HEAD, rows, TAIL));
	else {
		const left = await tx.all<{
			kind: string;
			area: number;
			id: number;
			pk: string;
			key: string;
			entries: number;
		}>(
			sql`${jsonUpsert(HEAD, rows, TAIL)} RETURNING board_kind AS kind, area_id AS area, scope_id AS id,
				period_kind AS pk, period_key AS key, entries`
		);
		const gone = left.filter((r) => r.entries <= 0).map((r) => [r.kind, r.id, r.pk, r.key, r.area]);
		if (gone.length)
			await tx.run(sql`DELETE FROM rollup_area WHERE (board_kind, scope_id, period_kind, period_key, area_id) IN
				(SELECT j.value->>0, j.value->>1, j.value->>2, j.value->>3, j.value->>4 FROM json_each(${JSON.stringify(gone)}) j)`);
	}
	return [...new Set(rows.map((r) => r[1] as number))];
}
