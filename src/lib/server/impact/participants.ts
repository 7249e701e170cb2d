import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import type { ImpactMemberKind } from '$lib/server/db/schema';
import { tileBuckets, type Period } from '$lib/utils/periods';

/** Where to count: an area (with everything below it) and/or a model; null = any. */
export interface ImpactScope {
	areaId: number | null;
	modelId: number | null;
}

/** Members of `kind` active at places of model `modelId` (0 = places with no model). */
export interface ActiveCount {
	kind: ImpactMemberKind;
	modelId: number;
	n: number;
}

/**
 * The places (kind, leaf area, model) that have members in scope, as recursive CTEs `areas` and
 * `places`. Without an area filter the areas are found by a loose index scan (one index seek per
 * distinct area, not a scan of the members); models within an area the same way.
 */
function placesCte(kinds: readonly ImpactMemberKind[], scope: ImpactScope): SQL {
	const kindRows = sql.join(
		kinds.map((k) => sql`SELECT ${k} AS kind`),
		sql` UNION ALL `
	);
	const areas =
		scope.areaId !== null
			? sql`SELECT kinds.kind, ac.area_id FROM kinds, area_closure ac WHERE ac.ancestor_id = ${scope.areaId}`
			: sql`SELECT kind, (SELECT min(m.area_id) FROM impact_member m WHERE m.kind = kinds.kind) FROM kinds
				UNION ALL
				SELECT kind, (SELECT min(m.area_id) FROM impact_member m WHERE m.kind = areas.kind AND m.area_id > areas.area_id)
				FROM areas WHERE area_id IS NOT NULL`;
	const places =
		scope.modelId !== null
			? sql`SELECT kind, area_id, ${scope.modelId} FROM areas WHERE area_id IS NOT NULL AND EXISTS (
					SELECT 1 FROM impact_member m WHERE m.kind = areas.kind AND m.area_id = areas.area_id AND m.model_id = ${scope.modelId})`
			: sql`SELECT kind, area_id, (SELECT min(m.model_id) FROM impact_member m WHERE m.kind = areas.kind AND m.area_id = areas.area_id)
				FROM areas WHERE area_id IS NOT NULL
				UNION ALL
				SELECT kind, area_id, (SELECT min(m.model_id) FROM impact_member m
					WHERE m.kind = places.kind AND m.area_id = places.area_id AND m.model_id > places.model_id)
				FROM places WHERE model_id IS NOT NULL`;
	return sql`kinds(kind) AS (${kindRows}),
		areas(kind, area_id) AS (${areas}),
		places(kind, area_id, model_id) AS MATERIALIZED (${places})`;
}

/**
 * Exact counts of the members active in a period (at most five years), per kind and model, from
 * `impact_member` (see the schema): the period is tiled into day and month buckets, and a member is
 * counted in the bucket holding their first active day of the period, found as the row whose
 * `prev_day` is before the period. One statement; it walks one index entry per member counted
 * plus one seek per place and bucket, whatever the size of the ledger.
 */
export async function countActive(
	db: DbOrTx,
	scope: ImpactScope,
	kinds: readonly ImpactMemberKind[],
	period: Period
): Promise<ActiveCount[]> {
	if (kinds.length === 0) return [];
	const tiles = tileBuckets(period).map((b) => sql`(${b.grain}, ${b.bucket})`);
	const rows = await db.all<{ kind: ImpactMemberKind; modelId: number; n: number }>(sql`
		WITH RECURSIVE ${placesCte(kinds, scope)},
		tiles(grain, bucket) AS (VALUES ${sql.join(tiles, sql`, `)})
		-- CROSS JOIN keeps the places (a recursive walk) as the outer loop, run once; each (place,
		-- bucket) is counted by its own index range, so only a few thousand rows are grouped.
		SELECT kind, model_id AS modelId, sum(n) AS n FROM (
			SELECT p.kind, p.model_id, (
				SELECT count(*) FROM impact_member m
				WHERE m.kind = p.kind AND m.area_id = p.area_id AND m.model_id = p.model_id
					AND m.grain = t.grain AND m.bucket = t.bucket AND m.prev_day < ${period.from}
			) AS n
			FROM places p CROSS JOIN tiles t
			WHERE p.model_id IS NOT NULL
		)
		WHERE n > 0
		GROUP BY kind, model_id`);
	return rows.map((r) => ({ kind: r.kind, modelId: Number(r.modelId), n: Number(r.n) }));
}

/**
 * Members active in each whole week (or month) from `first` to `last` bucket, per kind: the counts
 * the trigger keeps per place and bucket, added up over the places in scope (no member is walked).
 */
export async function activeByBucket(
	db: DbOrTx,
	scope: ImpactScope,
	kinds: readonly ImpactMemberKind[],
	grain: 'week' | 'month',
	first: string,
	last: string
): Promise<{ kind: ImpactMemberKind; bucket: string; n: number }[]> {
	if (kinds.length === 0) return [];
	const rows = await db.all<{ kind: ImpactMemberKind; bucket: string; n: number }>(sql`
		WITH RECURSIVE ${placesCte(kinds, scope)}
		SELECT p.kind AS kind, a.bucket AS bucket, sum(a.members) AS n
		FROM places p
		CROSS JOIN impact_active a
		WHERE p.model_id IS NOT NULL AND a.kind = p.kind AND a.area_id = p.area_id AND a.model_id = p.model_id
			AND a.grain = ${grain} AND a.bucket BETWEEN ${first} AND ${last}
		GROUP BY p.kind, a.bucket`);
	return rows.map((r) => ({ kind: r.kind, bucket: r.bucket, n: Number(r.n) }));
}

/** Adds up counts per kind (over every model). */
export function totalsByKind(
	counts: { kind: ImpactMemberKind; n: number }[]
): Record<ImpactMemberKind, number> {
	const out: Record<ImpactMemberKind, number> = { student: 0, household: 0, class: 0, school: 0, pledge: 0 };
	for (const c of counts) out[c.kind] += c.n;
	return out;
}
