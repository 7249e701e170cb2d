import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '$lib/server/db/client';
import type { PeriodKind, ScopeKind } from '$lib/server/db/schema';
import { PER_MEMBER_RULES } from '$lib/rules/boards';
import type { ChallengeSide } from '$lib/rules/challenges';

/** A group an entry counts for. */
export interface Scope {
	kind: ScopeKind;
	id: number;
	/** The group a board ranks it within (see the `rollup` table). */
	parentId: number;
	/** The area the group sits in directly, for the per-area copies (class, school, neighbourhood). */
	areaId?: number;
	/** The area and every area above it (`areaId` first). */
	areaChain?: number[];
	/** The challenges whose credits it takes: a person takes every credit of their entries. */
	side: ChallengeSide | 'both';
}

/** One (group, period) total an entry adds to, and how many points it adds there. */
export interface Cell {
	scope: Scope;
	period: { kind: PeriodKind; key: string };
	points: number;
}

const keyOf = (kind: string, id: number, periodKind: string, periodKey: string) =>
	`${kind}:${id}:${periodKind}:${periodKey}`;
export const cellKey = (c: Cell) => keyOf(c.scope.kind, c.scope.id, c.period.kind, c.period.key);

/*
 * The rollup writes are multi-row upserts whose rows travel as one JSON parameter
 * (`json_each`): the statement's text is the same whatever the number of rows, so it is prepared
 * once per connection, and one parameter is bound instead of a dozen per row.
 */

/** `head` + the rows as JSON + `tail`: an upsert over `json_each(rows)`. */
export function jsonUpsert(head: SQL, rows: unknown[][], tail: SQL): SQL {
	return sql`${head} FROM json_each(${JSON.stringify(rows)}) j WHERE true ${tail}`;
}

/** `j.value->>0, …` for `n` columns of a JSON row. */
export const jsonColumns = (n: number) => [...Array(n).keys()].map((i) => `j.value->>${i}`).join(', ');

const COUNTERS = {
	rollup_member: 'person_id',
	rollup_day: 'day'
} as const;

/**
 * Moves a counter row (`rollup_member` or `rollup_day`) by `sign` for each cell and returns, per
 * cell, +1 when it became active (0 → 1) and −1 when it stopped being (1 → 0); rows at zero go.
 */
export async function countActive(
	tx: Tx,
	table: keyof typeof COUNTERS,
	cells: Cell[],
	extra: number | string,
	sign: 1 | -1
): Promise<Map<string, number>> {
	const deltas = new Map<string, number>();
	if (cells.length === 0) return deltas;
	const col = COUNTERS[table];
	const rows = await tx.all<{ kind: string; id: number; pk: string; key: string; entries: number }>(
		jsonUpsert(
			sql.raw(
				`INSERT INTO ${table} (scope_kind, scope_id, period_kind, period_key, ${col}, entries) SELECT ${jsonColumns(6)}`
			),
			cells.map((c) => [c.scope.kind, c.scope.id, c.period.kind, c.period.key, extra, sign]),
			sql.raw(
				`ON CONFLICT (scope_kind, scope_id, period_kind, period_key, ${col}) DO UPDATE SET entries = ${table}.entries + excluded.entries
				RETURNING scope_kind AS kind, scope_id AS id, period_kind AS pk, period_key AS key, entries`
			)
		)
	);
	const gone: unknown[][] = [];
	for (const r of rows) {
		const k = keyOf(r.kind, r.id, r.pk, r.key);
		if (sign > 0 && r.entries === 1) deltas.set(k, 1);
		if (sign < 0 && r.entries === 0) deltas.set(k, -1);
		if (r.entries <= 0) gone.push([r.kind, r.id, r.pk, r.key]);
	}
	if (gone.length)
		await tx.run(sql`DELETE FROM ${sql.raw(table)} WHERE ${sql.raw(col)} = ${extra} AND
			(scope_kind, scope_id, period_kind, period_key) IN (SELECT j.value->>0, j.value->>1, j.value->>2, j.value->>3
				FROM json_each(${JSON.stringify(gone)}) j)`);
	return deltas;
}

/**
 * per_member after an upsert, by the group's rule, from the row's new totals (`t`: the table's
 * name, `kind`: the column naming the group's kind): SQL text, the rules inlined, so the
 * statement's text never changes.
 */
export function perMemberAfter(t: string, kind: string): string {
	const members = `(${t}.active_members + excluded.active_members)`;
	const days = `(${t}.active_days + excluded.active_days)`;
	const points = `(${t}.points + excluded.points)`;
	const whens = Object.entries(PER_MEMBER_RULES).map(([k, rule]) => {
		const byDays = rule.orMinDays === null ? '' : ` OR ${days} >= ${Number(rule.orMinDays)}`;
		return `WHEN excluded.${kind} = '${k}' AND ${members} > 0 AND (${members} >= ${Number(rule.minMembers)}${byDays}) THEN CAST(${points} AS REAL) / ${members}`;
	});
	return `CASE ${whens.join(' ')} ELSE NULL END`;
}
