import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '$lib/server/db/client';
import { contribution } from '$lib/server/db/schema';
import type { ConfirmContributionInput } from '$lib/schemas/playground';
import { findByIdempotencyKey, voidEntry } from '$lib/server/ledger/ledger';
import { isPointSteward } from '$lib/server/access/stewards';
import { effectiveGrams, pointsFor } from '$lib/utils/playground';
import { localDay } from '$lib/utils/dates';
import { checkComponent, creditContribution, fail, type ContributionResult } from './contributions';

/** A steward's decisions on drop-offs at their point: confirm an announced one, reject it, void one. */

async function loadForSteward(db: DbOrTx, stewardId: number, contributionId: number) {
	const [row] = await db.select().from(contribution).where(eq(contribution.id, contributionId));
	if (!row) return { error: fail(404, 'playground.error.unknownContribution') };
	if (!(await isPointSteward(db, stewardId, row.pointId)))
		return { error: fail(403, 'playground.error.notSteward') };
	return { row };
}

/**
 * The steward confirms an announced drop-off with what the scale actually said (material, weight,
 * count, component may be corrected). The status change is conditional, so a double submit or
 * two stewards at once credit it once.
 */
export async function confirmContribution(
	db: Db,
	stewardId: number,
	input: ConfirmContributionInput,
	now: Date,
	timeZone: string
): Promise<ContributionResult> {
	const loaded = await loadForSteward(db, stewardId, input.contributionId);
	if (loaded.error) return loaded.error;
	const current = loaded.row;
	const compError = await checkComponent(db, current.playgroundId, input.componentId, input.material);
	if (compError) return compError;
	const weight = effectiveGrams(input.material, input.weightKg, input.count)!;
	return db.transaction(async (tx) => {
		if (await findByIdempotencyKey(tx, stewardId, input.idempotencyKey)) {
			const [again] = await tx.select().from(contribution).where(eq(contribution.id, current.id));
			return { ok: true as const, contribution: again, duplicate: true };
		}
		const [row] = await tx
			.update(contribution)
			.set({
				material: input.material,
				grams: weight.grams,
				gramsEstimated: weight.estimated,
				itemCount: input.count ?? null,
				volumeMl: input.material === 'ecobricks' ? (input.volumeMl ?? null) : null,
				componentId: input.componentId ?? null,
				status: 'confirmed',
				points: pointsFor(input.material, weight.grams),
				localDay: localDay(now, timeZone),
				recordedBy: stewardId,
				decidedAt: now
			})
			.where(and(eq(contribution.id, current.id), eq(contribution.status, 'announced')))
			.returning();
		if (!row) return fail(409, 'playground.error.notAnnounced');
		return {
			ok: true as const,
			contribution: await creditContribution(
				tx,
				row,
				stewardId,
				input.idempotencyKey,
				now,
				localDay(now, timeZone)
			)
		};
	});
}

/** The steward turns down an announced drop-off; the contributor sees the reason. */
export async function rejectContribution(
	db: Db,
	stewardId: number,
	contributionId: number,
	reason: string,
	now = new Date()
): Promise<ContributionResult> {
	const loaded = await loadForSteward(db, stewardId, contributionId);
	if (loaded.error) return loaded.error;
	const [row] = await db
		.update(contribution)
		.set({ status: 'rejected', reason, recordedBy: stewardId, decidedAt: now })
		.where(and(eq(contribution.id, contributionId), eq(contribution.status, 'announced')))
		.returning();
	if (!row) return fail(409, 'playground.error.notAnnounced');
	return { ok: true, contribution: row };
}

/** The steward voids a confirmed drop-off: a ledger reversal with the reason, in one transaction. */
export async function voidContribution(
	db: Db,
	stewardId: number,
	contributionId: number,
	reason: string,
	now = new Date()
): Promise<ContributionResult> {
	const loaded = await loadForSteward(db, stewardId, contributionId);
	if (loaded.error) return loaded.error;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(contribution)
			.set({ status: 'voided', reason })
			.where(and(eq(contribution.id, contributionId), eq(contribution.status, 'confirmed')))
			.returning();
		if (!row || !row.ledgerEntryId) return fail(409, 'playground.error.notConfirmed');
		const voided = await voidEntry(tx, { entryId: row.ledgerEntryId, actorId: stewardId, reason, now });
		if (!voided.ok) throw new Error(`contribution ${row.id}: ${voided.error}`);
		return { ok: true as const, contribution: row };
	});
}
