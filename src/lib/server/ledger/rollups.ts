import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '$lib/server/db/client';
import { ledgerEntry, rollup } from '$lib/server/db/schema';
import { PER_MEMBER_RULES, isPerMemberKind, perMemberScore } from '$lib/rules/boards';
import type { ChallengeSide } from '$lib/rules/challenges';
import { periodKeysFor } from '$lib/utils/dates';
import { applyToAreaRollups } from './area-rollups';
import { MAX_AREA_DEPTH } from './areas';
import {
	cellKey,
	countActive,
	jsonColumns,
	jsonUpsert,
	perMemberAfter,
	type Cell,
	type Scope
} from './counters';
import { announceWrite } from './events';
import { applyToImpactRollups } from './impact-rollups';

/*
 * Rollups: the totals boards and charts read, kept equal to the ledger in the same transaction as
 * each entry. The rules they follow (README, "How the numbers count"):
 * - a group's row counts every entry credited to it; a person's row sits under the class they are
 *   in now (so a board follows the person, whatever kind of entry came first in a window);
 * - a member is active in a window while at least one of their entries there stands (not voided),
 *   and a day is active likewise; a row whose entries were all voided is deleted, so a board lists
 *   exactly the groups that scored;
 * - an entry counts in the challenges it is credited to, at each challenge's points, for the groups
 *   on the side that races in it (classes and schools, or households and neighbourhoods) and for the
 *   person.
 */

export type LedgerRow = typeof ledgerEntry.$inferSelect;

/** One challenge an entry counts for, at that challenge's points, and who races in it. */
export interface ChallengeCredit {
	challengeId: number;
	points: number;
	side: ChallengeSide;
}

/**
 * The groups an entry counts for, with today's parents and, for the groups with per-area boards,
 * the chain of areas above them: one statement of primary-key lookups.
 */
async function scopesFor(tx: Tx, e: LedgerRow): Promise<Scope[]> {
	const [r] = await tx.all<{
		personClass: number | null;
		schoolId: number | null;
		schoolArea: number | null;
		nbId: number | null;
		nbArea: number | null;
		schoolChain: string | null;
		nbChain: string | null;
	}>(sql`WITH g AS (SELECT
		(SELECT cs.class_id FROM class_student cs WHERE cs.user_id = ${e.personId ?? 0}) AS personClass,
		(SELECT c.school_id FROM class c WHERE c.id = ${e.classId ?? 0}) AS schoolId,
		(SELECT s.area_id FROM class c JOIN school s ON s.id = c.school_id WHERE c.id = ${e.classId ?? 0}) AS schoolArea,
		(SELECT h.neighbourhood_id FROM household h WHERE h.id = ${e.householdId ?? 0}) AS nbId,
		(SELECT n.area_id FROM household h JOIN neighbourhood n ON n.id = h.neighbourhood_id
			WHERE h.id = ${e.householdId ?? 0}) AS nbArea),
	up(base, id, parent, depth) AS (
		SELECT a.id, a.id, a.parent_id, 0 FROM g, area a WHERE a.id IN (g.schoolArea, g.nbArea)
		UNION ALL SELECT up.base, area.id, area.parent_id, up.depth + 1 FROM area JOIN up ON area.id = up.parent
		WHERE up.depth < ${MAX_AREA_DEPTH})
	SELECT g.*, (SELECT group_concat(id) FROM up WHERE base = g.schoolArea) AS schoolChain,
		(SELECT group_concat(id) FROM up WHERE base = g.nbArea) AS nbChain FROM g`);
	const chain = (list: string | null) => (list ? [...new Set(list.split(',').map(Number))] : []);
	const scopes: Scope[] = [];
	if (e.personId) scopes.push({ kind: 'person', id: e.personId, parentId: r.personClass ?? 0, side: 'both' });
	if (e.classId && r.schoolId !== null && r.schoolArea !== null) {
		const areaChain = chain(r.schoolChain);
		scopes.push({
			kind: 'class',
			id: e.classId,
			parentId: r.schoolId,
			areaId: r.schoolArea,
			areaChain,
			side: 'class'
		});
		scopes.push({
			kind: 'school',
			id: r.schoolId,
			parentId: r.schoolArea,
			areaId: r.schoolArea,
			areaChain,
			side: 'class'
		});
	}
	if (e.householdId && r.nbId !== null && r.nbArea !== null) {
		scopes.push({ kind: 'household', id: e.householdId, parentId: r.nbId, side: 'household' });
		scopes.push({
			kind: 'neighbourhood',
			id: r.nbId,
			parentId: r.nbArea,
			areaId: r.nbArea,
			areaChain: chain(r.nbChain),
			side: 'household'
		});
	}
	return scopes;
}

/** Every (group, period) cell an entry adds to, except the `day` rows. */
function cellsFor(e: LedgerRow, scopes: Scope[], credits: ChallengeCredit[]): Cell[] {
	const keys = periodKeysFor(e.localDay);
	const periods = [
		{ kind: 'week' as const, key: keys.week },
		{ kind: 'month' as const, key: keys.month },
		{ kind: 'all' as const, key: keys.all }
	];
	return scopes.flatMap((scope) => [
		...periods.map((period) => ({ scope, period, points: e.points })),
		...credits
			.filter((c) => scope.side === 'both' || scope.side === c.side)
			.map((c) => ({
				scope,
				period: { kind: 'challenge' as const, key: String(c.challengeId) },
				points: c.points
			}))
	]);
}

const UPSERT_HEAD =
	sql.raw(`INSERT INTO rollup (scope_kind, scope_id, period_kind, period_key, parent_id, points,
	grams_avoided, grams_collected, entries, active_members, active_days, per_member) SELECT ${jsonColumns(12)}`);
const UPSERT_TAIL = sql.raw(`ON CONFLICT (scope_kind, scope_id, period_kind, period_key) DO UPDATE SET
	parent_id = excluded.parent_id, points = rollup.points + excluded.points,
	grams_avoided = rollup.grams_avoided + excluded.grams_avoided,
	grams_collected = rollup.grams_collected + excluded.grams_collected, entries = rollup.entries + excluded.entries,
	active_members = rollup.active_members + excluded.active_members, active_days = rollup.active_days + excluded.active_days,
	per_member = ${perMemberAfter('rollup', 'scope_kind')}`);
const RETURNING = sql.raw(
	'RETURNING scope_kind AS kind, scope_id AS id, period_kind AS pk, period_key AS key, entries'
);

/**
 * Adds an entry (or a reversal) to every rollup it belongs to: one row per (group, period), a
 * `day` row for charts, a copy per containing area for classes, schools and neighbourhoods, and
 * the active-member and active-day counters. Six statements in the caller's transaction: the
 * groups with their parents and areas, the two counters, and one upsert per rollup table. The
 * impact rollups go in the same transaction (impact-rollups.ts: one to three statements).
 */
export async function applyToRollups(tx: Tx, e: LedgerRow, credits: ChallengeCredit[]): Promise<void> {
	await applyToImpactRollups(tx, e);
	const scopes = await scopesFor(tx, e);
	if (scopes.length === 0) return;
	const sign = e.sourceKind === 'reversal' ? -1 : 1;
	const cells = cellsFor(e, scopes, credits);
	const members = e.personId
		? await countActive(tx, 'rollup_member', cells, e.personId, sign)
		: new Map<string, number>();
	const dayRuled = cells.filter(
		(c) => isPerMemberKind(c.scope.kind) && PER_MEMBER_RULES[c.scope.kind].orMinDays
	);
	const days = await countActive(tx, 'rollup_day', dayRuled, e.localDay, sign);
	const active = (c: Cell) => ({ m: members.get(cellKey(c)) ?? 0, d: days.get(cellKey(c)) ?? 0 });

	const dayCells: Cell[] = scopes.map((scope) => ({
		scope,
		period: { kind: 'day', key: e.localDay },
		points: e.points
	}));
	const rows = [...cells, ...dayCells].map((c) => {
		const { m, d } = active(c);
		const perMember = c.period.kind === 'day' ? null : perMemberScore(c.scope.kind, c.points, m, d);
		return [
			c.scope.kind,
			c.scope.id,
			c.period.kind,
			c.period.key,
			c.scope.parentId,
			c.points,
			e.gramsAvoided,
			e.gramsCollected,
			sign,
			m,
			d,
			perMember
		];
	});
	if (sign > 0) await tx.run(jsonUpsert(UPSERT_HEAD, rows, UPSERT_TAIL));
	else {
		const left = await tx.all<{ kind: string; id: number; pk: string; key: string; entries: number }>(
			sql`${jsonUpsert(UPSERT_HEAD, rows, UPSERT_TAIL)} ${RETURNING}`
		);
		const gone = left.filter((r) => r.entries <= 0).map((r) => [r.kind, r.id, r.pk, r.key]);
		if (gone.length)
			await tx.run(sql`DELETE FROM rollup WHERE (scope_kind, scope_id, period_kind, period_key) IN
				(SELECT j.value->>0, j.value->>1, j.value->>2, j.value->>3 FROM json_each(${JSON.stringify(gone)}) j)`);
	}

	const areaIds = await applyToAreaRollups(tx, cells, active, sign);
	announceWrite({
		scopes: scopes.map((s) => ({ kind: s.kind, id: s.id, parentId: s.parentId })),
		periods: [
			...new Map([...cells, ...dayCells].map((c) => [`${c.period.kind}:${c.period.key}`, c.period])).values()
		],
		areaIds
	});
}

/**
 * Moves a person's rows under the class they are in now (none: parent 0), after they join or
 * leave one, so every window of the class's student board follows the person.
 */
export async function followPerson(tx: Tx, personId: number): Promise<void> {
	const [row] = await tx.all<{ classId: number | null }>(
		sql`SELECT (SELECT class_id FROM class_student WHERE user_id = ${personId}) AS classId`
	);
	const parentId = row?.classId ?? 0;
	await tx
		.update(rollup)
		.set({ parentId })
		.where(and(eq(rollup.scopeKind, 'person'), eq(rollup.scopeId, personId)));
	announceWrite({ scopes: [{ kind: 'person', id: personId, parentId }], periods: 'every', areaIds: [] });
}
