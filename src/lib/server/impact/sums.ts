import { and, between, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { impactDay, impactMaterialDay } from '$lib/server/db/schema';
import type { Period } from '$lib/utils/periods';
import type { ImpactScope } from './participants';

/** What the impact rollups add up, for any key and period. */
export interface ImpactSums {
	points: number;
	gramsAvoided: number;
	gramsCollected: number;
	itemsAvoided: number;
	actions: number;
	checkins: number;
	pledgesKept: number;
	dropOffs: number;
	entries: number;
}

export const SUM_FIELDS = [
	'points',
	'gramsAvoided',
	'gramsCollected',
	'itemsAvoided',
	'actions',
	'checkins',
	'pledgesKept',
	'dropOffs',
	'entries'
] as const satisfies readonly (keyof ImpactSums)[];

export function zeroSums(): ImpactSums {
	return {
		points: 0,
		gramsAvoided: 0,
		gramsCollected: 0,
		itemsAvoided: 0,
		actions: 0,
		checkins: 0,
		pledgesKept: 0,
		dropOffs: 0,
		entries: 0
	};
}

export function addSums(into: ImpactSums, row: Partial<Record<keyof ImpactSums, number | null>>): ImpactSums {
	for (const f of SUM_FIELDS) into[f] += Number(row[f] ?? 0);
	return into;
}

/** The rollup key of a scope: area 0 and model 0 mean "everywhere" and "any model". */
export const keyOf = (scope: ImpactScope) => ({ areaId: scope.areaId ?? 0, modelId: scope.modelId ?? 0 });

const dayColumns = {
	points: impactDay.points,
	gramsAvoided: impactDay.gramsAvoided,
	gramsCollected: impactDay.gramsCollected,
	itemsAvoided: impactDay.itemsAvoided,
	actions: impactDay.actions,
	checkins: impactDay.checkins,
	pledgesKept: impactDay.pledgesKept,
	dropOffs: impactDay.dropOffs,
	entries: impactDay.entries
};

/** The scope's day rows in the period (one primary-key range; at most ~1 800 rows for five years). */
export async function dayRows(db: DbOrTx, scope: ImpactScope, p: Period) {
	const key = keyOf(scope);
	return db
		.select({ day: impactDay.day, ...dayColumns })
		.from(impactDay)
		.where(
			and(
				eq(impactDay.areaId, key.areaId),
				eq(impactDay.modelId, key.modelId),
				between(impactDay.day, p.from, p.to)
			)
		);
}

/** Grams collected and drop-offs per material in the period. */
export async function materialSums(db: DbOrTx, scope: ImpactScope, p: Period) {
	const key = keyOf(scope);
	const rows = await db
		.select({
			material: impactMaterialDay.material,
			grams: sql<number>`sum(${impactMaterialDay.grams})`,
			dropOffs: sql<number>`sum(${impactMaterialDay.dropOffs})`
		})
		.from(impactMaterialDay)
		.where(
			and(
				eq(impactMaterialDay.areaId, key.areaId),
				eq(impactMaterialDay.modelId, key.modelId),
				between(impactMaterialDay.day, p.from, p.to)
			)
		)
		.groupBy(impactMaterialDay.material);
	return rows.map((r) => ({ material: r.material, grams: Number(r.grams), dropOffs: Number(r.dropOffs) }));
}

/** Sums per model within an area (or everywhere) in the period: every model side by side. */
export async function sumsByModel(db: DbOrTx, areaId: number | null, p: Period) {
	const rows = await db
		.select({
			modelId: impactDay.modelId,
			...Object.fromEntries(
				Object.entries(dayColumns).map(([k, c]) => [k, sql<number>`sum(${c})`.mapWith(Number)])
			)
		})
		.from(impactDay)
		.where(
			and(eq(impactDay.areaId, areaId ?? 0), gt(impactDay.modelId, 0), between(impactDay.day, p.from, p.to))
		)
		.groupBy(impactDay.modelId);
	return rows.map((r) => ({ modelId: r.modelId, sums: addSums(zeroSums(), r as Partial<ImpactSums>) }));
}

/** All-time sums of one key (the model pages' headline figures). */
export async function allTimeSums(db: DbOrTx, scope: ImpactScope): Promise<ImpactSums> {
	const key = keyOf(scope);
	const [row] = await db
		.select(
			Object.fromEntries(
				Object.entries(dayColumns).map(([k, c]) => [k, sql<number>`coalesce(sum(${c}), 0)`.mapWith(Number)])
			)
		)
		.from(impactDay)
		.where(and(eq(impactDay.areaId, key.areaId), eq(impactDay.modelId, key.modelId)));
	return addSums(zeroSums(), (row ?? {}) as Partial<ImpactSums>);
}
