import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '$lib/server/db/client';
import type { LedgerRow } from './rollups';

/*
 * The impact rollups (src/lib/server/db/schema/impact.ts) for one new ledger entry, written with
 * the board rollups in the same transaction. Migration 0009 kept them by a trigger on every
 * ledger insert; 0010 dropped it for these statements, which follow the same rules as the views
 * `rebuildImpactRollups` (src/lib/server/impact/rebuild.ts) recomputes them from:
 * - an entry counts once for each (area, model) key: everywhere (0, 0), each area containing its
 *   class's school, its household's neighbourhood or, for plastic brought in, the collection
 *   point, and the same with that place's model; a void subtracts what its original added;
 * - an action's items count once its log names its entry (`countLinkedItems`);
 * - the student, class, school, household and checked-in pledge take part on the entry's day,
 *   week and month (voids take part in nothing); the triggers on `impact_member` count them.
 * Unlike the trigger, the statements are prepared once per connection and skip what an entry's
 * kind cannot touch (materials for anything but a drop-off, members for a void).
 */

/** The (area, model) keys an entry counts for; `contributionId` only for plastic brought in. */
function keysOf(classId: number | null, householdId: number | null, contributionId: number | null): SQL {
	return sql`SELECT 0 AS area_id, 0 AS model_id
		UNION
		SELECT CASE w.whole WHEN 1 THEN 0 ELSE ac.ancestor_id END, CASE w.any_model WHEN 1 THEN 0 ELSE sd.model_id END
		FROM (
			SELECT s.area_id, coalesce(s.model_id, 0) AS model_id FROM class c JOIN school s ON s.id = c.school_id WHERE c.id = ${classId}
			UNION ALL
			SELECT n.area_id, coalesce(n.model_id, 0) FROM household h JOIN neighbourhood n ON n.id = h.neighbourhood_id WHERE h.id = ${householdId}
			UNION ALL
			SELECT cp.area_id, coalesce(pg.model_id, 0) FROM contribution ct
				JOIN collection_point cp ON cp.id = ct.point_id JOIN playground pg ON pg.id = ct.playground_id
			WHERE ct.id = ${contributionId}
		) sd
		JOIN area_closure ac ON ac.area_id = sd.area_id
		JOIN (SELECT 0 AS whole, 1 AS any_model UNION ALL SELECT 0, 0 UNION ALL SELECT 1, 0) w ON w.any_model = 1 OR sd.model_id <> 0`;
}

/** What the entry is at heart: its own kind, or for a void the kind of the entry it reverses. */
async function kindOf(tx: Tx, e: LedgerRow): Promise<string> {
	if (e.reverses === null) return e.sourceKind;
	const [o] = await tx.all<{ kind: string }>(
		sql`SELECT source_kind AS kind FROM ledger_entry WHERE id = ${e.reverses}`
	);
	return o?.kind ?? e.sourceKind;
}

/** Adds a new entry (or a void) to the impact rollups, in the caller's transaction. */
export async function applyToImpactRollups(tx: Tx, e: LedgerRow): Promise<void> {
	const kind = await kindOf(tx, e);
	const sign = e.reverses === null ? 1 : -1;
	const contributionId = kind === 'contribution' ? e.sourceId : null;
	const keys = keysOf(e.classId, e.householdId, contributionId);
	const of = (k: string) => (kind === k ? sign : 0);
	await tx.run(sql`INSERT INTO impact_day (area_id, model_id, day, points, grams_avoided, grams_collected, items_avoided, actions, checkins, pledges_kept, drop_offs, entries)
	SELECT k.area_id, k.model_id, ${e.localDay}, ${e.points}, ${e.gramsAvoided}, ${e.gramsCollected},
		${sign} * CASE ${kind}
			WHEN 'action' THEN coalesce((SELECT l.count FROM action_log l WHERE l.id = ${e.sourceId} AND l.ledger_entry_id = ${e.reverses ?? e.id}), 0)
			WHEN 'checkin' THEN coalesce((SELECT c.items_avoided FROM pledge_checkin c WHERE c.id = ${e.sourceId}), 0)
			ELSE 0 END,
		${of('action')}, ${of('checkin')}, ${of('bonus')}, ${of('contribution')}, ${sign}
	FROM (${keys}) k
	WHERE true
	ON CONFLICT (area_id, model_id, day) DO UPDATE SET
		points = points + excluded.points,
		grams_avoided = grams_avoided + excluded.grams_avoided,
		grams_collected = grams_collected + excluded.grams_collected,
		items_avoided = items_avoided + excluded.items_avoided,
		actions = actions + excluded.actions,
		checkins = checkins + excluded.checkins,
		pledges_kept = pledges_kept + excluded.pledges_kept,
		drop_offs = drop_offs + excluded.drop_offs,
		entries = entries + excluded.entries`);
	if (contributionId !== null)
		await tx.run(sql`INSERT INTO impact_material_day (area_id, model_id, day, material, grams, drop_offs)
		SELECT k.area_id, k.model_id, ${e.localDay}, c.material, ${e.gramsCollected}, ${sign}
		FROM (${keys}) k, contribution c
		WHERE c.id = ${contributionId}
		ON CONFLICT (area_id, model_id, day, material) DO UPDATE SET
			grams = grams + excluded.grams,
			drop_offs = drop_offs + excluded.drop_offs`);
	if (e.sourceKind !== 'reversal') await addMembers(tx, e);
}

/** The members an entry shows active on its day, week and month (new rows only; triggers count them). */
async function addMembers(tx: Tx, e: LedgerRow): Promise<void> {
	const day = e.localDay;
	const checkin = e.sourceKind === 'checkin' ? e.sourceId : null;
	await tx.run(sql`INSERT INTO impact_member (kind, area_id, model_id, member_id, grain, bucket, prev_day)
	SELECT p.kind, p.area_id, p.model_id, p.member_id, g.grain, g.bucket, coalesce((
		SELECT max(x.bucket) FROM impact_member x
		WHERE x.kind = p.kind AND x.area_id = p.area_id AND x.model_id = p.model_id AND x.member_id = p.member_id
			AND x.grain = 'day' AND x.bucket < g.start), '')
	FROM (
		SELECT k.kind, s.area_id, coalesce(s.model_id, 0) AS model_id,
			CASE k.kind WHEN 'student' THEN ${e.personId} WHEN 'class' THEN c.id WHEN 'school' THEN s.id ELSE pc.pledge_id END AS member_id
		FROM class c JOIN school s ON s.id = c.school_id
		JOIN (SELECT 'student' AS kind UNION ALL SELECT 'class' UNION ALL SELECT 'school' UNION ALL SELECT 'pledge') k
		LEFT JOIN pledge_checkin pc ON pc.id = ${checkin}
		WHERE c.id = ${e.classId}
		UNION ALL
		SELECT k.kind, n.area_id, coalesce(n.model_id, 0), CASE k.kind WHEN 'household' THEN h.id ELSE pc.pledge_id END
		FROM household h JOIN neighbourhood n ON n.id = h.neighbourhood_id
		JOIN (SELECT 'household' AS kind UNION ALL SELECT 'pledge') k
		LEFT JOIN pledge_checkin pc ON pc.id = ${e.classId === null ? checkin : null}
		WHERE h.id = ${e.householdId}
	) p, (
		SELECT 'day' AS grain, ${day} AS bucket, ${day} AS start
		UNION ALL SELECT 'month', substr(${day}, 1, 7), substr(${day}, 1, 7) || '-01'
		UNION ALL SELECT 'week', date(${day}, '-' || ((CAST(strftime('%w', ${day}) AS INTEGER) + 6) % 7) || ' days'), date(${day}, '-' || ((CAST(strftime('%w', ${day}) AS INTEGER) + 6) % 7) || ' days')
	) g
	WHERE p.member_id IS NOT NULL
	ON CONFLICT DO NOTHING`);
}

/**
 * An action's items, counted once its log names its entry: links the log the app wrote before
 * the entry, and adds its items where the entry counted (the rule 0009's link trigger kept).
 */
export async function linkActionLog(tx: Tx, logId: number, e: LedgerRow, count: number): Promise<void> {
	await tx.run(sql`UPDATE action_log SET ledger_entry_id = ${e.id} WHERE id = ${logId}`);
	await tx.run(sql`INSERT INTO impact_day (area_id, model_id, day, items_avoided)
	SELECT k.area_id, k.model_id, ${e.localDay}, ${count}
	FROM (${keysOf(e.classId, e.householdId, null)}) k
	WHERE true
	ON CONFLICT (area_id, model_id, day) DO UPDATE SET items_avoided = items_avoided + excluded.items_avoided`);
}
