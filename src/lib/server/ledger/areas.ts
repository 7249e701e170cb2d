import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '$lib/server/db/client';
import { announceWrite } from './events';

/** Deepest area tree walked; a guard against a cycle in hand-edited data, far beyond real depths. */
export const MAX_AREA_DEPTH = 12;

/** Each given area with itself and all its ancestors, in one recursive query. */
export async function areaChains(db: DbOrTx, areaIds: number[]): Promise<Map<number, number[]>> {
	const chains = new Map<number, number[]>();
	const unique = [...new Set(areaIds)];
	if (unique.length === 0) return chains;
	const rows = await db.all<{ base: number; id: number }>(sql`
		WITH RECURSIVE up(base, id, parent, depth) AS (
			SELECT id, id, parent_id, 0 FROM area WHERE id IN (${sql.join(
				unique.map((id) => sql`${id}`),
				sql`, `
			)})
			UNION ALL
			SELECT up.base, area.id, area.parent_id, up.depth + 1 FROM area JOIN up ON area.id = up.parent
			WHERE up.depth < ${MAX_AREA_DEPTH}
		)
		SELECT base, id FROM up ORDER BY base, depth`);
	for (const r of rows) {
		const list = chains.get(r.base) ?? [];
		list.push(r.id);
		chains.set(r.base, list);
	}
	return chains;
}

/** The areas in the subtree rooted at `areaId` (itself included). */
export async function areaSubtree(db: DbOrTx, areaId: number): Promise<number[]> {
	const rows = await db.all<{ id: number }>(sql`${subtree(areaId)} SELECT id FROM sub`);
	return rows.map((r) => Number(r.id));
}

const subtree = (areaId: number) => sql`WITH RECURSIVE sub(id, depth) AS (
	SELECT id, 0 FROM area WHERE id = ${areaId}
	UNION ALL SELECT area.id, sub.depth + 1 FROM area JOIN sub ON area.parent_id = sub.id WHERE sub.depth < ${MAX_AREA_DEPTH})`;

/**
 * After an area (with everything under it) moved in the tree: drops the per-area board rows of
 * every class, school and neighbourhood in its subtree and copies them again from the groups' own
 * rollups under today's ancestors. Call in the transaction that moves the area, after the move;
 * `formerAncestors` (the areas it used to sit under) are only announced, for the board memo.
 */
export async function rebuildAreaRollups(
	tx: Tx,
	areaId: number,
	formerAncestors: number[] = []
): Promise<void> {
	const groups = sql`, grp(kind, sid, area) AS (
		SELECT 'class', c.id, s.area_id FROM class c JOIN school s ON s.id = c.school_id WHERE s.area_id IN (SELECT id FROM sub)
		UNION ALL SELECT 'school', s.id, s.area_id FROM school s WHERE s.area_id IN (SELECT id FROM sub)
		UNION ALL SELECT 'neighbourhood', n.id, n.area_id FROM neighbourhood n WHERE n.area_id IN (SELECT id FROM sub))`;
	await tx.run(sql`${subtree(areaId)}${groups}
		DELETE FROM rollup_area WHERE (board_kind, scope_id) IN (SELECT kind, sid FROM grp)`);
	await tx.run(sql`${subtree(areaId)}${groups},
		up(base, id, parent, depth) AS (
			SELECT DISTINCT a.id, a.id, a.parent_id, 0 FROM area a WHERE a.id IN (SELECT area FROM grp)
			UNION ALL SELECT up.base, area.id, area.parent_id, up.depth + 1 FROM area JOIN up ON area.id = up.parent
			WHERE up.depth < ${MAX_AREA_DEPTH})
		INSERT INTO rollup_area (board_kind, area_id, scope_id, period_kind, period_key, points, entries,
			active_members, active_days, per_member)
		SELECT g.kind, up.id, r.scope_id, r.period_kind, r.period_key, r.points, r.entries,
			r.active_members, r.active_days, r.per_member
		FROM grp g JOIN up ON up.base = g.area
			JOIN rollup r ON r.scope_kind = g.kind AND r.scope_id = g.sid AND r.period_kind <> 'day'`);
	const touched = await areaChains(tx, [areaId]);
	announceWrite({
		scopes: [],
		periods: 'every',
		areaIds: [...new Set([...formerAncestors, ...(touched.get(areaId) ?? [])])]
	});
}
