/*
 * The demo models' drop-offs and household pledges, written the way the app writes them (used by
 * model-history.ts).
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../client';
import { contribution, pledge, pledgeCheckin } from '../../schema';
import { appendEntry } from '$lib/server/ledger/ledger';
import { createPledgeWithin } from '$lib/server/pledges/pledges';
import { PLEDGE_BADGE } from '$lib/domain/badges';
import { isPledgeKept } from '$lib/server/pledges/streaks';
import { awardBadge } from '$lib/server/actions/badges';
import { appTimeZone } from '$lib/server/config';
import { completionBonus, type PledgeItemCode } from '$lib/pledges/items';
import { PLEDGE_LIMITS } from '$lib/rules/pledges';
import { addDays } from '$lib/utils/dates';
import { pointsFor, type Material } from '$lib/utils/playground';
import type { DemoContext } from './structure';

export type DropOff = {
	day: string;
	playgroundId: number;
	pointId: number;
	componentId?: number | null;
	material: Material;
	grams: number;
	count?: number | null;
	householdId: number;
};

export type HouseholdPledge = {
	adult: number;
	householdId: number;
	item: PledgeItemCode;
	days: 7 | 21 | 30;
	uses: number;
	startedAgo: number;
	checked: (offset: number) => boolean;
};

/** A confirmed drop-off: its contribution row, its ledger entry, then the link between them. */
export async function writeDropOff(tx: Tx, ctx: DemoContext, at: Date, opts: DropOff) {
	const points = pointsFor(opts.material, opts.grams);
	const [row] = await tx
		.insert(contribution)
		.values({
			playgroundId: opts.playgroundId,
			pointId: opts.pointId,
			componentId: opts.componentId ?? null,
			material: opts.material,
			grams: opts.grams,
			itemCount: opts.count ?? null,
			householdId: opts.householdId,
			status: 'confirmed',
			points,
			localDay: opts.day,
			recordedBy: ctx.stewardId,
			decidedAt: at,
			createdBy: ctx.stewardId,
			createdAt: at
		})
		.returning({ id: contribution.id });
	const entry = await appendEntry(tx, {
		localDay: opts.day,
		points,
		gramsCollected: opts.grams,
		sourceKind: 'contribution',
		sourceId: row.id,
		actorId: ctx.stewardId,
		householdId: opts.householdId,
		createdAt: at
	});
	await tx.update(contribution).set({ ledgerEntryId: entry.id }).where(eq(contribution.id, row.id));
}

/**
 * A household pledge of its adult, started `startedAgo` days before today and checked in on
 * the days `checked(offset)` says. Made by the pledge service; the check-ins are written the
 * way `checkInWithin` writes them (row, entry, and on the last kept day the completion bonus
 * and badge), without its per-call checks, which a demo history cannot fail.
 */
export async function writeHouseholdPledge(
	tx: Tx,
	ctx: DemoContext,
	momentOf: (day: string) => Date,
	opts: HouseholdPledge
) {
	const start = addDays(ctx.today, -opts.startedAgo);
	const made = await createPledgeWithin(
		tx,
		opts.adult,
		{
			owner: 'household',
			item: opts.item,
			customName: null,
			customGrams: null,
			usesPerDay: opts.uses,
			days: opts.days,
			untilDay: null,
			idempotencyKey: `demo-model-pledge-${opts.adult}-${opts.item}`
		},
		new Date(`${start}T05:00:00Z`),
		appTimeZone()
	);
	if (!made.ok) throw new Error(`demo pledge: ${made.error}`);
	const [p] = await tx.select().from(pledge).where(eq(pledge.id, made.pledgeId));
	const days: string[] = [];
	for (let i = 0; i < opts.days && i <= opts.startedAgo; i++) {
		const day = addDays(start, i);
		if (day > ctx.today || !opts.checked(i)) continue;
		days.push(day);
		const count = Math.max(1, opts.uses - (i % 3 === 2 ? 1 : 0));
		const at = momentOf(day);
		const [row] = await tx
			.insert(pledgeCheckin)
			.values({
				pledgeId: p.id,
				localDay: day,
				itemsAvoided: count,
				gramsAvoided: count * p.gramsPerItem,
				userId: opts.adult,
				householdId: opts.householdId,
				createdAt: at
			})
			.returning({ id: pledgeCheckin.id });
		const credit = {
			actorId: opts.adult,
			personId: opts.adult,
			householdId: opts.householdId,
			createdAt: at
		};
		await appendEntry(tx, {
			...credit,
			localDay: day,
			points: PLEDGE_LIMITS.checkinPoints,
			gramsAvoided: count * p.gramsPerItem,
			sourceKind: 'checkin',
			sourceId: row.id
		});
		if (isPledgeKept(days, p.startDay, p.endDay)) {
			await tx.update(pledge).set({ completedOn: day }).where(eq(pledge.id, p.id));
			await appendEntry(tx, {
				...credit,
				localDay: day,
				points: completionBonus(opts.days),
				sourceKind: 'bonus',
				sourceId: p.id
			});
			await awardBadge(tx, PLEDGE_BADGE, { householdId: opts.householdId }, String(p.id), at);
		}
	}
	return days.length;
}
