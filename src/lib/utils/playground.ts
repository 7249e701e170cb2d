/**
 * Playground maths: materials, their points per kg, points for a drop-off and build progress.
 * Pure (no database), shared by the server services, the pages and the tests.
 */
// Relative: the drizzle schema (loaded by drizzle-kit, which knows no $lib) imports this module.
import { MATERIAL_RULES } from '../rules/playground';

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

/** A material's name inside a sentence: "chai nhựa PET", "bottle caps" (an acronym like "PET" keeps its case). */
export function inSentence(name: string): string {
	return /^\p{Lu}\p{Ll}/u.test(name) ? name[0].toLocaleLowerCase() + name.slice(1) : name;
}
