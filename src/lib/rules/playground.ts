import type { Material } from '../utils/playground';

/** Playground rules: points per kilogram, what one drop-off may weigh, ecobrick density, reasons. */
export interface MaterialRule {
	/** Points per kilogram confirmed. */
	pointsPerKg: number;
	/**
	 * Grams one item weighs on average, when a count alone is accepted (bottles, caps); null when the
	 * drop-off must be weighed. PET: a 500 ml bottle ≈ 10 g (impact factor pet-bottle-500ml); a cap ≈ 2 g.
	 */
	gramsPerItem: number | null;
}

/**
 * Rates reward the sorting work, not just mass: caps and soft plastic are light and fiddly to
 * collect, and an ecobrick is hours of packing, so a kilo of them is worth more than a kilo of
 * bottles. Points are fixed on the contribution row when it is confirmed.
 */
export const MATERIAL_RULES: Record<Material, MaterialRule> = {
	pet_bottles: { pointsPerKg: 20, gramsPerItem: 10 },
	bottle_caps: { pointsPerKg: 30, gramsPerItem: 2 },
	hdpe: { pointsPerKg: 20, gramsPerItem: null },
	soft_plastic: { pointsPerKg: 30, gramsPerItem: null },
	ecobricks: { pointsPerKg: 40, gramsPerItem: null },
	other: { pointsPerKg: 10, gramsPerItem: null }
};

/** One drop-off above this needs an explicit confirmation (a typo of 1000× is likelier than 500 kg). */
export const LARGE_DROP_OFF_GRAMS = 500_000;
/** Nothing above this is accepted in one record, confirmed or not. */
export const MAX_DROP_OFF_GRAMS = 5_000_000;
export const MAX_ITEM_COUNT = 100_000;

/**
 * Ecobrick density rules (weight ÷ bottle volume). A well-packed ecobrick is dense enough to build
 * with; one that is too light is loosely packed (it will sag), one that is too heavy almost
 * certainly hides sand, glass or wet waste.
 */
export const ECOBRICK_RULES = {
	/** Accepted from `minDensity` to `maxDensity` g/ml inclusive… */
	minDensity: 0.33,
	maxDensity: 0.73,
	/** …and accepted with a warning below `warnBelow` or above `warnAbove`. */
	warnBelow: 0.36,
	warnAbove: 0.65
} as const;

/** The reason a steward gives for rejecting or voiding a drop-off. */
export const DROP_OFF_REASON = { min: 1, max: 300 } as const;
