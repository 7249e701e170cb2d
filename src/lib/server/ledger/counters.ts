import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '$lib/server/db/client';
import {
	rollup,
	rollupArea,
	rollupDay,
	rollupMember,
	type PeriodKind,
	type ScopeKind
} from '$lib/server/db/schema';
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
	/** The challenges whose credits it takes: a person takes every credit of their entries. */
	side: ChallengeSide | 'both';
}

/** One (group, period) total an entry adds to, and how many points it adds there. */
export interface Cell {
	scope: Scope;
	period: { kind: PeriodKind; key: string };
	points: number;
}

export const keyOf = (kind: string, id: number, periodKind: string, periodKey: string) =>
	`${kind}:${id}:${periodKind}:${periodKey}`;
export const cellKey = (c: Cell) => keyOf(c.scope.kind, c.scope.id, c.period.kind, c.period.key);

/**
 * Moves a counter row (`rollup_member` or `rollup_day`) by `sign` for each cell and returns, per
 * cell, +1 when it became active (0 → 1) and −1 when it stopped being (1 → 0); rows at zero go.
 */
export async function countActive(
	tx: Tx,
	table: typeof rollupMember | typeof rollupDay,
	cells: Cell[],
	extra: { personId: number } | { day: string },
	sign: 1 | -1
): Promise<Map<string, number>> {
	const deltas = new Map<string, number>();
	if (cells.length === 0) return deltas;
	const values = cells.map((c) => ({
		scopeKind: c.scope.kind,
		scopeId: c.scope.id,
		periodKind: c.period.kind,
		periodKey: c.period.key,
		...extra,
		entries: sign
	}));
	const extraCol = table === rollupMember ? rollupMember.personId : rollupDay.day;
	const rows = await tx
		.insert(table)
		.values(values as never)
		.onConflictDoUpdate({
			target: [table.scopeKind, table.scopeId, table.periodKind, table.periodKey, extraCol],
			set: { entries: sql`${table.entries} + excluded.entries` }
		})
		.returning({
			scopeKind: table.scopeKind,
			scopeId: table.scopeId,
			periodKind: table.periodKind,
			periodKey: table.periodKey,
			entries: table.entries
		});
	const gone: SQL[] = [];
	for (const r of rows) {
		const k = keyOf(r.scopeKind, r.scopeId, r.periodKind, r.periodKey);
		if (sign > 0 && r.entries === 1) deltas.set(k, 1);
		if (sign < 0 && r.entries === 0) deltas.set(k, -1);
		if (r.entries <= 0)
			gone.push(
				and(
					eq(table.scopeKind, r.scopeKind),
					eq(table.scopeId, r.scopeId),
					eq(table.periodKind, r.periodKind),
					eq(table.periodKey, r.periodKey),
					'personId' in extra ? eq(rollupMember.personId, extra.personId) : eq(rollupDay.day, extra.day)
				)!
			);
	}
	if (gone.length) await tx.delete(table).where(or(...gone));
	return deltas;
}

/** per_member after an upsert, by the group's rule, from the row's new totals. */
export function perMemberAfter(table: typeof rollup | typeof rollupArea, kind: SQL): SQL {
	const members = sql`(${table.activeMembers} + excluded.active_members)`;
	const days = sql`(${table.activeDays} + excluded.active_days)`;
	const points = sql`(${table.points} + excluded.points)`;
	const whens = Object.entries(PER_MEMBER_RULES).map(([k, rule]) => {
		const byDays = rule.orMinDays === null ? sql`` : sql` OR ${days} >= ${rule.orMinDays}`;
		return sql`WHEN ${kind} = ${k} AND ${members} > 0 AND (${members} >= ${rule.minMembers}${byDays}) THEN CAST(${points} AS REAL) / ${members}`;
	});
	return sql`CASE ${sql.join(whens, sql` `)} ELSE NULL END`;
}

/** Deletes the rows (by primary key) a reversal brought to zero entries. */
export async function deleteEmptied<T extends typeof rollup | typeof rollupArea>(
	tx: Tx,
	table: T,
	keys: SQL[]
): Promise<void> {
	if (keys.length) await tx.delete(table).where(or(...keys));
}
