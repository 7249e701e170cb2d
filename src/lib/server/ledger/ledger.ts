import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '$lib/server/db/client';
import {
	challenge,
	challengeCredit,
	ledgerEntry,
	rollup,
	type PeriodKind,
	type ScopeKind,
	type SourceKind
} from '$lib/server/db/schema';
import { racedBy } from '$lib/rules/challenges';
import { applyToRollups, type ChallengeCredit, type LedgerRow } from './rollups';

export type { LedgerRow } from './rollups';

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
	/** The running challenges this entry counts for, each at its own points (see `challengeCredits`). */
	credits?: { challengeId: number; points: number }[];
	idempotencyKey?: string | null;
	createdAt?: Date;
}

/** The id of an entry this actor already made with this idempotency key, if any. */
export async function findByIdempotencyKey(db: DbOrTx, actorId: number, key: string): Promise<number | null> {
	const [row] = await db
		.select({ id: ledgerEntry.id })
		.from(ledgerEntry)
		.where(and(eq(ledgerEntry.actorId, actorId), eq(ledgerEntry.idempotencyKey, key)))
		.limit(1);
	return row?.id ?? null;
}

/** Writes an entry's challenge credits and returns them with the side that races in each. */
async function writeCredits(
	tx: Tx,
	entryId: number,
	credits: { challengeId: number; points: number }[]
): Promise<ChallengeCredit[]> {
	if (credits.length === 0) return [];
	for (const c of credits)
		if (!Number.isInteger(c.points)) throw new Error('challenge credit points must be an integer');
	const scopes = await tx
		.select({ id: challenge.id, scope: challenge.scope })
		.from(challenge)
		.where(
			inArray(
				challenge.id,
				credits.map((c) => c.challengeId)
			)
		);
	const sideOf = new Map(scopes.map((s) => [s.id, racedBy(s.scope)]));
	const known = credits.filter((c) => sideOf.has(c.challengeId));
	if (known.length !== credits.length) throw new Error('credit for an unknown challenge');
	await tx.insert(challengeCredit).values(known.map((c) => ({ entryId, ...c })));
	return known.map((c) => ({ ...c, side: sideOf.get(c.challengeId)! }));
}

/**
 * Appends one entry (with its challenge credits) and updates the rollups, inside the caller's
 * transaction. Call `findByIdempotencyKey` first when the write has a source row; the unique index
 * is the backstop.
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
			idempotencyKey: input.idempotencyKey ?? null
		})
		.returning();
	const credits = await writeCredits(tx, row.id, input.credits ?? []);
	await applyToRollups(tx, row, credits);
	return row;
}

export type VoidResult =
	| { ok: true; reversal: LedgerRow }
	| { ok: false; error: 'ledger.void.notFound' | 'ledger.void.already' | 'ledger.void.isReversal' };

/**
 * Voids an entry by appending its reversal (negated amounts and challenge credits, same credited
 * groups and local day, so every period and challenge it counted in nets to zero). Who may void is
 * the caller's check.
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
			reverses: original.id,
			reason: input.reason
		})
		.returning();
	const credited = await tx
		.select({ challengeId: challengeCredit.challengeId, points: challengeCredit.points })
		.from(challengeCredit)
		.where(eq(challengeCredit.entryId, original.id));
	const credits = await writeCredits(
		tx,
		reversal.id,
		credited.map((c) => ({ challengeId: c.challengeId, points: -c.points }))
	);
	await applyToRollups(tx, reversal, credits);
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
