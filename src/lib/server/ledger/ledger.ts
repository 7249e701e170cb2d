import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '$lib/server/db/client';
import {
	household,
	ledgerEntry,
	neighbourhood,
	AREA_BOARD_KINDS,
	rollup,
	rollupArea,
	rollupMember,
	school,
	schoolClass,
	type AreaBoardKind,
	type PeriodKind,
	type ScopeKind,
	type SourceKind
} from '$lib/server/db/schema';
import { periodKeysFor } from '$lib/utils/dates';
import { invalidateBoards } from '$lib/server/boards/cache';

export interface EntryInput {
	localDay: string;
	points: number;
	gramsAvoided?: number;
	gramsCollected?: number;
	sourceKind: Exclude<SourceKind, 'reversal'>;
	sourceId?: number | null;
	actorId: number | null;
	personId?: number | null;
	classId?: number | null;
	householdId?: number | null;
	challengeId?: number | null;
	idempotencyKey?: string | null;
	createdAt?: Date;
}

export type LedgerRow = typeof ledgerEntry.$inferSelect;

interface Scope {
	kind: ScopeKind;
	id: number;
	parentId: number;
	/** The area the group sits in directly (class/school → school's area, neighbourhood → its area). */
	areaId?: number;
}

/** A group needs this many active members in a window before it is ranked per active member. */
export const MIN_ACTIVE_MEMBERS = 3;

/** The id of an entry this actor already made with this idempotency key, if any. */
export async function findByIdempotencyKey(db: DbOrTx, actorId: number, key: string): Promise<number | null> {
	const [row] = await db
		.select({ id: ledgerEntry.id })
		.from(ledgerEntry)
		.where(and(eq(ledgerEntry.actorId, actorId), eq(ledgerEntry.idempotencyKey, key)))
		.limit(1);
	return row?.id ?? null;
}

/** The scopes an entry counts for, each with the parent a board ranks it within. */
async function scopesFor(
	tx: Tx,
	e: Pick<LedgerRow, 'personId' | 'classId' | 'householdId'>
): Promise<Scope[]> {
	const scopes: Scope[] = [];
	if (e.personId) scopes.push({ kind: 'person', id: e.personId, parentId: e.classId ?? 0 });
	if (e.classId) {
		const [c] = await tx
			.select({ schoolId: schoolClass.schoolId, areaId: school.areaId })
			.from(schoolClass)
			.innerJoin(school, eq(school.id, schoolClass.schoolId))
			.where(eq(schoolClass.id, e.classId));
		if (c) {
			scopes.push({ kind: 'class', id: e.classId, parentId: c.schoolId, areaId: c.areaId });
			scopes.push({ kind: 'school', id: c.schoolId, parentId: c.areaId, areaId: c.areaId });
		}
	}
	if (e.householdId) {
		const [h] = await tx
			.select({ neighbourhoodId: household.neighbourhoodId, areaId: neighbourhood.areaId })
			.from(household)
			.innerJoin(neighbourhood, eq(neighbourhood.id, household.neighbourhoodId))
			.where(eq(household.id, e.householdId));
		if (h) {
			scopes.push({ kind: 'household', id: e.householdId, parentId: h.neighbourhoodId });
			scopes.push({ kind: 'neighbourhood', id: h.neighbourhoodId, parentId: h.areaId, areaId: h.areaId });
		}
	}
	return scopes;
}

/** Deepest area tree walked; a guard against a cycle in hand-edited data, far beyond real depths. */
const MAX_AREA_DEPTH = 12;

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

function periodsFor(localDay: string, challengeId: number | null): { kind: PeriodKind; key: string }[] {
	const keys = periodKeysFor(localDay);
	const periods: { kind: PeriodKind; key: string }[] = [
		{ kind: 'week', key: keys.week },
		{ kind: 'month', key: keys.month },
		{ kind: 'all', key: keys.all }
	];
	if (challengeId) periods.push({ kind: 'challenge', key: String(challengeId) });
	return periods;
}

const cellKey = (kind: string, id: number, periodKind: string, periodKey: string) =>
	`${kind}:${id}:${periodKind}:${periodKey}`;

/** per_member after an upsert: the new total over the new member count, once there are enough. */
const perMemberOnConflict = (table: typeof rollup | typeof rollupArea) => sql`CASE
	WHEN ${table.activeMembers} + excluded.active_members >= ${MIN_ACTIVE_MEMBERS}
	THEN CAST(${table.points} + excluded.points AS REAL) / (${table.activeMembers} + excluded.active_members)
	ELSE NULL END`;

/**
 * Adds an entry's amounts to every (scope, period) rollup it belongs to (plus a `day` row for
 * charts), to the per-area copies of class, school and neighbourhood rows (one per containing
 * area), and counts its person as an active member of each group the first time they appear in
 * that period. A handful of statements, all in the caller's transaction.
 */
async function applyToRollups(tx: Tx, e: LedgerRow): Promise<void> {
	const scopes = await scopesFor(tx, e);
	if (scopes.length === 0) return;
	const periods = periodsFor(e.localDay, e.challengeId);
	const cells = scopes.flatMap((s) => periods.map((p) => ({ ...s, period: p })));
	const isReversal = e.sourceKind === 'reversal';

	const newlyActive = new Set<string>();
	if (e.personId && !isReversal) {
		const inserted = await tx
			.insert(rollupMember)
			.values(
				cells.map((c) => ({
					scopeKind: c.kind,
					scopeId: c.id,
					periodKind: c.period.kind,
					periodKey: c.period.key,
					personId: e.personId!
				}))
			)
			.onConflictDoNothing()
			.returning();
		for (const r of inserted) newlyActive.add(cellKey(r.scopeKind, r.scopeId, r.periodKind, r.periodKey));
	}
	const activeFlag = (kind: string, id: number, p: { kind: string; key: string }) =>
		newlyActive.has(cellKey(kind, id, p.kind, p.key)) ? 1 : 0;

	const dayCells = scopes.map((s) => ({ ...s, period: { kind: 'day' as PeriodKind, key: e.localDay } }));
	await tx
		.insert(rollup)
		.values(
			[...cells, ...dayCells].map((c) => ({
				scopeKind: c.kind,
				scopeId: c.id,
				periodKind: c.period.kind,
				periodKey: c.period.key,
				parentId: c.parentId,
				points: e.points,
				gramsAvoided: e.gramsAvoided,
				gramsCollected: e.gramsCollected,
				entries: isReversal ? -1 : 1,
				activeMembers: activeFlag(c.kind, c.id, c.period),
				perMember: null
			}))
		)
		.onConflictDoUpdate({
			target: [rollup.scopeKind, rollup.scopeId, rollup.periodKind, rollup.periodKey],
			set: {
				points: sql`${rollup.points} + excluded.points`,
				gramsAvoided: sql`${rollup.gramsAvoided} + excluded.grams_avoided`,
				gramsCollected: sql`${rollup.gramsCollected} + excluded.grams_collected`,
				entries: sql`${rollup.entries} + excluded.entries`,
				activeMembers: sql`${rollup.activeMembers} + excluded.active_members`,
				perMember: perMemberOnConflict(rollup)
			}
		});

	const inAreas = scopes.filter(
		(s): s is Scope & { kind: AreaBoardKind; areaId: number } =>
			s.areaId !== undefined && (AREA_BOARD_KINDS as readonly string[]).includes(s.kind)
	);
	if (inAreas.length === 0) return;
	const chains = await areaChains(
		tx,
		inAreas.map((s) => s.areaId)
	);
	const areaRows = inAreas.flatMap((s) =>
		(chains.get(s.areaId) ?? []).flatMap((areaId) =>
			periods.map((p) => ({
				boardKind: s.kind,
				areaId,
				scopeId: s.id,
				periodKind: p.kind,
				periodKey: p.key,
				points: e.points,
				entries: isReversal ? -1 : 1,
				activeMembers: activeFlag(s.kind, s.id, p),
				perMember: null
			}))
		)
	);
	if (areaRows.length === 0) return;
	await tx
		.insert(rollupArea)
		.values(areaRows)
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
				perMember: perMemberOnConflict(rollupArea)
			}
		});
}

/**
 * Appends one entry and updates the rollups, inside the caller's transaction. Call
 * `findByIdempotencyKey` first when the write has a source row; the unique index is the backstop.
 */
export async function appendEntry(tx: Tx, input: EntryInput): Promise<LedgerRow> {
	if (!Number.isInteger(input.points)) throw new Error('ledger points must be an integer');
	const [row] = await tx
		.insert(ledgerEntry)
		.values({
			createdAt: input.createdAt ?? new Date(),
			localDay: input.localDay,
			points: input.points,
			gramsAvoided: Math.round(input.gramsAvoided ?? 0),
			gramsCollected: Math.round(input.gramsCollected ?? 0),
			sourceKind: input.sourceKind,
			sourceId: input.sourceId ?? null,
			actorId: input.actorId,
			personId: input.personId ?? null,
			classId: input.classId ?? null,
			householdId: input.householdId ?? null,
			challengeId: input.challengeId ?? null,
			idempotencyKey: input.idempotencyKey ?? null
		})
		.returning();
	await applyToRollups(tx, row);
	invalidateBoards();
	return row;
}

export type VoidResult =
	| { ok: true; reversal: LedgerRow }
	| { ok: false; error: 'ledger.void.notFound' | 'ledger.void.already' | 'ledger.void.isReversal' };

/**
 * Voids an entry by appending its reversal (negated amounts, same credited scopes and local day,
 * so every period it counted in nets to zero). Who may void is the caller's check.
 */
export async function voidEntry(
	tx: Tx,
	input: { entryId: number; actorId: number; reason: string; now?: Date }
): Promise<VoidResult> {
	const [original] = await tx.select().from(ledgerEntry).where(eq(ledgerEntry.id, input.entryId));
	if (!original) return { ok: false, error: 'ledger.void.notFound' };
	if (original.sourceKind === 'reversal') return { ok: false, error: 'ledger.void.isReversal' };
	const [already] = await tx
		.select({ id: ledgerEntry.id })
		.from(ledgerEntry)
		.where(eq(ledgerEntry.reverses, original.id));
	if (already) return { ok: false, error: 'ledger.void.already' };
	const [reversal] = await tx
		.insert(ledgerEntry)
		.values({
			createdAt: input.now ?? new Date(),
			localDay: original.localDay,
			points: -original.points,
			gramsAvoided: -original.gramsAvoided,
			gramsCollected: -original.gramsCollected,
			sourceKind: 'reversal',
			sourceId: original.sourceId,
			actorId: input.actorId,
			personId: original.personId,
			classId: original.classId,
			householdId: original.householdId,
			challengeId: original.challengeId,
			reverses: original.id,
			reason: input.reason
		})
		.returning();
	await applyToRollups(tx, reversal);
	invalidateBoards();
	return { ok: true, reversal };
}

export interface Totals {
	points: number;
	gramsAvoided: number;
	gramsCollected: number;
	entries: number;
	activeMembers: number;
}

const ZERO: Totals = { points: 0, gramsAvoided: 0, gramsCollected: 0, entries: 0, activeMembers: 0 };

/** A scope's totals for one period, read from the rollup (one primary-key lookup). */
export async function getTotals(
	db: DbOrTx,
	scopeKind: ScopeKind,
	scopeId: number,
	periodKind: PeriodKind = 'all',
	periodKey = 'all'
): Promise<Totals> {
	const [row] = await db
		.select({
			points: rollup.points,
			gramsAvoided: rollup.gramsAvoided,
			gramsCollected: rollup.gramsCollected,
			entries: rollup.entries,
			activeMembers: rollup.activeMembers
		})
		.from(rollup)
		.where(
			and(
				eq(rollup.scopeKind, scopeKind),
				eq(rollup.scopeId, scopeId),
				eq(rollup.periodKind, periodKind),
				eq(rollup.periodKey, periodKey)
			)
		);
	return row ?? { ...ZERO };
}
