/**
 * Playground maths: materials, their points per kg, points for a drop-off and build progress.
 * Pure (no database), shared by the server services, the pages and the tests.
 */
export const PLAYGROUND_STATES = ['collecting', 'building', 'built'] as const;
export type PlaygroundState = (typeof PLAYGROUND_STATES)[number];
export const COLLECTION_POINT_KINDS = ['school', 'pagoda', 'shop', 'community_house'] as const;
export type CollectionPointKind = (typeof COLLECTION_POINT_KINDS)[number];
export const CONTRIBUTION_STATUSES = ['announced', 'confirmed', 'rejected', 'voided'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

export const MATERIALS = [
	'pet_bottles',
	'bottle_caps',
	'hdpe',
	'soft_plastic',
	'ecobricks',
	'other'
] as const;
export type Material = (typeof MATERIALS)[number];

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

export function isMaterial(value: string): value is Material {
	return (MATERIALS as readonly string[]).includes(value);
}

/** Kilograms as typed (comma or dot, up to two decimals) → whole grams; null when not a number. */
export function kgToGrams(kg: number): number {
	return Math.round(kg * 1000);
}

/** Points for a drop-off: whole points, rounded half up, from the material's rate per kg. */
export function pointsFor(material: Material, grams: number): number {
	if (grams <= 0) return 0;
	return Math.round((grams * MATERIAL_RULES[material].pointsPerKg) / 1000);
}

/** The weight of a drop-off: weighed grams when given, otherwise count × grams per item (or null). */
export function effectiveGrams(
	material: Material,
	grams: number | null | undefined,
	count: number | null | undefined
): { grams: number; estimated: boolean } | null {
	if (grams && grams > 0) return { grams, estimated: false };
	const per = MATERIAL_RULES[material].gramsPerItem;
	if (per && count && count > 0) return { grams: count * per, estimated: true };
	return null;
}

export interface ComponentTarget {
	targetGrams: number | null;
	targetItems: number | null;
}

/**
 * Progress of one component between 0 and 1. With both a weight and an item target the component
 * is only as far along as the lagging one (it needs both); with neither it has no progress to show.
 */
export function componentProgress(target: ComponentTarget, got: { grams: number; items: number }): number {
	const ratios: number[] = [];
	if (target.targetGrams && target.targetGrams > 0) ratios.push(Math.max(0, got.grams) / target.targetGrams);
	if (target.targetItems && target.targetItems > 0) ratios.push(Math.max(0, got.items) / target.targetItems);
	if (ratios.length === 0) return 0;
	return Math.min(1, Math.min(...ratios));
}

/** Overall progress: the mean of the components' progress (each capped at 100%), 0 with none. */
export function overallProgress(progresses: number[]): number {
	if (progresses.length === 0) return 0;
	return progresses.reduce((s, p) => s + Math.min(1, Math.max(0, p)), 0) / progresses.length;
}

/** A whole percentage for display; 99.6% shows as 99 so "100%" only appears when it is done. */
export function percent(progress: number): number {
	return Math.floor(Math.min(1, Math.max(0, progress)) * 100);
}

/** Parses a component's stored material list. */
export function parseMaterials(stored: string): Material[] {
	return stored
		.split(',')
		.map((s) => s.trim())
		.filter(isMaterial);
}
