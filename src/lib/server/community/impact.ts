import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { communityModel, neighbourhood, rollup, school } from '$lib/server/db/schema';
import { toCsv } from '$lib/utils/csv';
import { kgForFile } from '$lib/utils/units';

export interface ImpactTotals {
	points: number;
	gramsAvoided: number;
	gramsCollected: number;
}

/** A community model's impact, through its schools and through its neighbourhoods (null model: neither). */
export interface ModelImpact {
	modelId: number | null;
	nameVi: string | null;
	nameEn: string | null;
	schools: number;
	neighbourhoods: number;
	viaSchools: ImpactTotals;
	viaNeighbourhoods: ImpactTotals;
}

const zero = (): ImpactTotals => ({ points: 0, gramsAvoided: 0, gramsCollected: 0 });

/**
 * All-time impact per community model, read from the school and neighbourhood rollups (one
 * primary-key lookup per school or neighbourhood, never the ledger). The two columns are kept
 * apart: a student's action counts for their school and for their household's neighbourhood, so
 * adding them would count it twice.
 */
export async function impactByModel(db: DbOrTx): Promise<ModelImpact[]> {
	const models = await db
		.select({ id: communityModel.id, nameVi: communityModel.nameVi, nameEn: communityModel.nameEn })
		.from(communityModel)
		.orderBy(asc(communityModel.id));
	const byModel = new Map<number | null, ModelImpact>();
	const entry = (id: number | null) => {
		let row = byModel.get(id);
		if (!row) {
			const m = models.find((x) => x.id === id);
			row = {
				modelId: id,
				nameVi: m?.nameVi ?? null,
				nameEn: m?.nameEn ?? null,
				schools: 0,
				neighbourhoods: 0,
				viaSchools: zero(),
				viaNeighbourhoods: zero()
			};
			byModel.set(id, row);
		}
		return row;
	};
	for (const m of models) entry(m.id);

	const sums = {
		points: sql<number>`coalesce(sum(${rollup.points}), 0)`,
		gramsAvoided: sql<number>`coalesce(sum(${rollup.gramsAvoided}), 0)`,
		gramsCollected: sql<number>`coalesce(sum(${rollup.gramsCollected}), 0)`
	};
	const perModel = (kind: 'school' | 'neighbourhood') => {
		const t = kind === 'school' ? school : neighbourhood;
		return db
			.select({ modelId: t.modelId, n: sql<number>`count(distinct ${t.id})`, ...sums })
			.from(t)
			.leftJoin(
				rollup,
				and(
					eq(rollup.scopeKind, kind),
					eq(rollup.scopeId, t.id),
					eq(rollup.periodKind, 'all'),
					eq(rollup.periodKey, 'all')
				)
			)
			.groupBy(t.modelId);
	};
	for (const s of await perModel('school')) {
		const row = entry(s.modelId);
		row.schools = s.n;
		row.viaSchools = { points: s.points, gramsAvoided: s.gramsAvoided, gramsCollected: s.gramsCollected };
	}
	for (const h of await perModel('neighbourhood')) {
		const row = entry(h.modelId);
		row.neighbourhoods = h.n;
		row.viaNeighbourhoods = {
			points: h.points,
			gramsAvoided: h.gramsAvoided,
			gramsCollected: h.gramsCollected
		};
	}
	// Models first in catalogue order, then schools and neighbourhoods under no model.
	return [...byModel.values()].sort((a, b) => (a.modelId ?? Infinity) - (b.modelId ?? Infinity));
}

const CSV_HEADER = [
	'model_vi',
	'model_en',
	'schools',
	'school_points',
	'school_kg_avoided',
	'school_kg_collected',
	'neighbourhoods',
	'neighbourhood_points',
	'neighbourhood_kg_avoided',
	'neighbourhood_kg_collected'
];

/** The per-model impact table as CSV (see `toCsv`: BOM, formulas defused). */
export function impactCsv(rows: ModelImpact[], noModelLabel: string): string {
	return toCsv(
		CSV_HEADER,
		rows.map((r) => [
			r.nameVi ?? noModelLabel,
			r.nameEn ?? noModelLabel,
			r.schools,
			r.viaSchools.points,
			kgForFile(r.viaSchools.gramsAvoided),
			kgForFile(r.viaSchools.gramsCollected),
			r.neighbourhoods,
			r.viaNeighbourhoods.points,
			kgForFile(r.viaNeighbourhoods.gramsAvoided),
			kgForFile(r.viaNeighbourhoods.gramsCollected)
		])
	);
}
