import { sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';

/*
 * The impact rollups recomputed in bulk from the views that say what each ledger entry counts for
 * (migration 0009_impact_triggers, which ran these same statements for the entries that existed
 * then). The app never needs this: the ledger's writes keep the rollups in step entry by entry
 * (src/lib/server/ledger/impact-rollups.ts). The benchmark loads its ledger in bulk and calls
 * this; the tests compare both ways.
 */
const STATEMENTS = [
	`DELETE FROM impact_day`,
	`DELETE FROM impact_material_day`,
	`DELETE FROM impact_member`,
	// Counted again by the trigger on impact_member as its rows go back in.
	`DELETE FROM impact_active`,
	`INSERT INTO impact_day (area_id, model_id, day, points, grams_avoided, grams_collected, items_avoided, actions, checkins, pledges_kept, drop_offs, entries)
	SELECT k.area_id, k.model_id, a.day, sum(a.points), sum(a.grams_avoided), sum(a.grams_collected), sum(a.items),
		sum(CASE a.kind WHEN 'action' THEN a.sign ELSE 0 END),
		sum(CASE a.kind WHEN 'checkin' THEN a.sign ELSE 0 END),
		sum(CASE a.kind WHEN 'bonus' THEN a.sign ELSE 0 END),
		sum(CASE a.kind WHEN 'contribution' THEN a.sign ELSE 0 END),
		sum(a.sign)
	FROM impact_entry_key k JOIN impact_entry_amount a ON a.entry_id = k.entry_id
	GROUP BY k.area_id, k.model_id, a.day`,
	`INSERT INTO impact_material_day (area_id, model_id, day, material, grams, drop_offs)
	SELECT k.area_id, k.model_id, a.day, a.material, sum(a.grams_collected), sum(a.sign)
	FROM impact_entry_key k JOIN impact_entry_amount a ON a.entry_id = k.entry_id
	WHERE a.material IS NOT NULL
	GROUP BY k.area_id, k.model_id, a.day, a.material`,
	`INSERT INTO impact_member (kind, area_id, model_id, member_id, grain, bucket, prev_day)
	SELECT kind, area_id, model_id, member_id, 'day', day,
		coalesce(lag(day) OVER (PARTITION BY kind, area_id, model_id, member_id ORDER BY day), '')
	FROM (SELECT DISTINCT kind, area_id, model_id, member_id, day FROM impact_entry_member)`,
	`INSERT INTO impact_member (kind, area_id, model_id, member_id, grain, bucket, prev_day)
	SELECT kind, area_id, model_id, member_id, 'month', month,
		coalesce(lag(last_day) OVER (PARTITION BY kind, area_id, model_id, member_id ORDER BY month), '')
	FROM (
		SELECT kind, area_id, model_id, member_id, substr(bucket, 1, 7) AS month, max(bucket) AS last_day
		FROM impact_member WHERE grain = 'day'
		GROUP BY kind, area_id, model_id, member_id, substr(bucket, 1, 7)
	)`,
	`INSERT INTO impact_member (kind, area_id, model_id, member_id, grain, bucket, prev_day)
	SELECT kind, area_id, model_id, member_id, 'week', week,
		coalesce(lag(last_day) OVER (PARTITION BY kind, area_id, model_id, member_id ORDER BY week), '')
	FROM (
		SELECT kind, area_id, model_id, member_id,
			date(bucket, '-' || ((CAST(strftime('%w', bucket) AS INTEGER) + 6) % 7) || ' days') AS week, max(bucket) AS last_day
		FROM impact_member WHERE grain = 'day'
		GROUP BY kind, area_id, model_id, member_id, week
	)`
];

/** Recomputes every impact rollup from the ledger, in the caller's transaction or connection. */
export async function rebuildImpactRollups(db: DbOrTx): Promise<void> {
	for (const statement of STATEMENTS) await db.run(sql.raw(statement));
}
