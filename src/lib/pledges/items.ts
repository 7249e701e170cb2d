import { PLEDGE_LIMITS } from '$lib/rules/pledges';

/**
 * The reusable items a pledge can be about, each with the single-use twin it replaces. Grams per
 * single-use item come from the `impact_factor` rows (seed/reference-data.ts, with their sources);
 * `items.test.ts` keeps the two in step. Shared by server and pages (no server imports).
 */
export const PLEDGE_ITEMS = [
	{ code: 'bottle', impactFactor: 'pet-bottle-500ml', grams: 10, defaultUsesPerDay: 1 },
	{ code: 'bag', impactFactor: 'plastic-bag', grams: 5, defaultUsesPerDay: 2 },
	{ code: 'lunchbox', impactFactor: 'foam-box', grams: 8, defaultUsesPerDay: 1 },
	{ code: 'cup', impactFactor: 'takeaway-cup', grams: 12, defaultUsesPerDay: 1 },
	{ code: 'cutlery', impactFactor: 'cutlery-set', grams: 3, defaultUsesPerDay: 1 },
	{ code: 'custom', impactFactor: null, grams: null, defaultUsesPerDay: 1 }
] as const;

export type PledgeItemCode = (typeof PLEDGE_ITEMS)[number]['code'];
export const PLEDGE_ITEM_CODES = PLEDGE_ITEMS.map((i) => i.code) as [PledgeItemCode, ...PledgeItemCode[]];

export function pledgeItem(code: PledgeItemCode) {
	return PLEDGE_ITEMS.find((i) => i.code === code)!;
}

export function completionBonus(totalDays: number): number {
	return totalDays * PLEDGE_LIMITS.bonusPerDay;
}

/** Grams per PET bottle: totals in grams are also told as "= N bottles", which children picture. */
const BOTTLE_GRAMS = 10;

export function bottlesFor(grams: number): number {
	return Math.round(grams / BOTTLE_GRAMS);
}
