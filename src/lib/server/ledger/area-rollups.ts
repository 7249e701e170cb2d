import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '$lib/server/db/client';
import { AREA_BOARD_KINDS, rollupArea, type AreaBoardKind } from '$lib/server/db/schema';
import { perMemberScore } from '$lib/rules/boards';
import { areaChains } from './areas';
import { deleteEmptied, perMemberAfter, type Cell, type Scope } from './counters';

/** The per-area copies of the class, school and neighbourhood cells; returns the areas touched. */
export async function applyToAreaRollups(
	tx: Tx,
	cells: Cell[],
	active: (c: Cell) => { m: number; d: number },
	sign: 1 | -1
): Promise<number[]> {
	const inAreas = cells.filter(
		(c): c is Cell & { scope: Scope & { kind: AreaBoardKind; areaId: number } } =>
			c.scope.areaId !== undefined && (AREA_BOARD_KINDS as readonly string[]).includes(c.scope.kind)
	);
	if (inAreas.length === 0) return [];
	const chains = await areaChains(
		tx,
		inAreas.map((c) => c.scope.areaId)
	);
	const rows = inAreas.flatMap((c) => {
		const { m, d } = active(c);
		return (chains.get(c.scope.areaId) ?? []).map((areaId) => ({
			boardKind: c.scope.kind,
			areaId,
			scopeId: c.scope.id,
			periodKind: c.period.kind,
			periodKey: c.period.key,
			points: c.points,
			entries: sign,
			activeMembers: m,
			activeDays: d,
			perMember: perMemberScore(c.scope.kind, c.points, m, d)
		}));
	});
	if (rows.length === 0) return [];
	const upsert = tx
		.insert(rollupArea)
		.values(rows)
		.onConflictDoUpdate({
			target: [
				rollupArea.boardKind,
				rollupArea.scopeId,
				rollupArea.periodKind,
				rollupArea.periodKey,
				rollupArea.areaId
			],
			set: {
				points: sql`${rollupArea.points} + excluded.points`,
				entries: sql`${rollupArea.entries} + excluded.entries`,
				activeMembers: sql`${rollupArea.activeMembers} + excluded.active_members`,
				activeDays: sql`${rollupArea.activeDays} + excluded.active_days`,
				perMember: perMemberAfter(rollupArea, sql`excluded.board_kind`)
			}
		});
	if (sign > 0) await upsert;
	else {
		const left = await upsert.returning({
			kind: rollupArea.boardKind,
			areaId: rollupArea.areaId,
			id: rollupArea.scopeId,
			periodKind: rollupArea.periodKind,
			periodKey: rollupArea.periodKey,
			entries: rollupArea.entries
		});
		await deleteEmptied(
			tx,
			rollupArea,
			left
				.filter((r) => r.entries <= 0)
				.map((r) =>
					and(
						eq(rollupArea.boardKind, r.kind),
						eq(rollupArea.scopeId, r.id),
						eq(rollupArea.periodKind, r.periodKind),
						eq(rollupArea.periodKey, r.periodKey),
						eq(rollupArea.areaId, r.areaId)
					)!
				)
		);
	}
	return [...new Set(rows.map((r) => r.areaId))];
}
