import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { area, areaClosure, communityModel, playground, type ImpactMemberKind } from '$lib/server/db/schema';
import { progressOf } from '$lib/server/playground/tracker';
import { trendSlices, type Period } from '$lib/utils/periods';
import {
	activeByBucket,
	countActive,
	totalsByKind,
	type ActiveCount,
	type ImpactScope
} from './participants';
import { addSums, dayRows, materialSums, sumsByModel, zeroSums, type ImpactSums } from './sums';
import type { PlaygroundState } from '$lib/utils/playground';

export const PARTICIPANT_KINDS = ['student', 'household', 'class', 'school', 'pledge'] as const;
/** The kinds the trend follows week by week (classes and schools change too slowly to chart). */
const TREND_KINDS = ['student', 'household'] as const;

export interface TrendPoint extends Period {
	label: string;
	gramsAvoided: number;
	gramsCollected: number;
	actions: number;
	checkins: number;
	students: number;
	households: number;
}

export interface ModelColumn {
	id: number;
	code: string | null;
	nameVi: string;
	nameEn: string;
	kind: string;
	areaVi: string;
	areaEn: string;
	students: number;
	households: number;
	sums: ImpactSums;
}

export interface ImpactDashboard {
	period: Period;
	unit: 'week' | 'month';
	totals: ImpactSums;
	participants: Record<ImpactMemberKind, number>;
	trend: TrendPoint[];
	materials: { material: string; grams: number; dropOffs: number }[];
	/** Every model with activity in the area and period, side by side (the model filter aside). */
	models: ModelColumn[];
	playgrounds: {
		id: number;
		name: string;
		state: PlaygroundState;
		modelId: number;
		overall: number;
		grams: number;
	}[];
}

/**
 * The organiser's dashboard for a scope and period, from the impact rollups only (never the ledger):
 * the period's sums come from one key's day rows, participants from one counting statement (which
 * also gives the per-model counts), the weekly trend from the per-week member counts, materials and
 * models from one grouped read each, and playground progress from its components. The trend shows
 * whole weeks (or months) so that each point compares like with like.
 */
export async function impactDashboard(
	db: DbOrTx,
	scope: ImpactScope,
	period: Period
): Promise<ImpactDashboard> {
	const { unit, slices } = trendSlices(period, true);
	const counts = await countActive(db, scope, PARTICIPANT_KINDS, period);
	// With a model chosen, the side-by-side columns still compare every model in the area.
	const modelCounts =
		scope.modelId === null
			? counts
			: await countActive(db, { areaId: scope.areaId, modelId: null }, TREND_KINDS, period);
	const active = await activeByBucket(db, scope, TREND_KINDS, unit, slices[0].label, slices.at(-1)!.label);

	const totals = zeroSums();
	const bySlice = new Map(slices.map((s) => [s.label, zeroSums()]));
	const sliceOf = (day: string) => slices.findLast((s) => s.from <= day)?.label;
	for (const row of await dayRows(db, scope, { from: slices[0].from, to: period.to })) {
		if (row.day >= period.from) addSums(totals, row);
		addSums(bySlice.get(sliceOf(row.day)!)!, row);
	}
	const trend = slices.map((s) => {
		const sums = bySlice.get(s.label)!;
		const n = (kind: ImpactMemberKind) => active.find((a) => a.kind === kind && a.bucket === s.label)?.n ?? 0;
		return {
			...s,
			gramsAvoided: sums.gramsAvoided,
			gramsCollected: sums.gramsCollected,
			actions: sums.actions,
			checkins: sums.checkins,
			students: n('student'),
			households: n('household')
		};
	});

	return {
		period,
		unit,
		totals,
		participants: totalsByKind(counts),
		trend,
		materials: await materialSums(db, scope, period),
		models: await modelColumns(db, scope.areaId, period, modelCounts),
		playgrounds: await playgroundsIn(db, scope)
	};
}

async function modelColumns(
	db: DbOrTx,
	areaId: number | null,
	period: Period,
	counts: ActiveCount[]
): Promise<ModelColumn[]> {
	const sums = await sumsByModel(db, areaId, period);
	const ids = new Set([
		...sums.map((s) => s.modelId),
		...counts.filter((c) => c.modelId > 0).map((c) => c.modelId)
	]);
	if (ids.size === 0) return [];
	const models = await db
		.select({
			id: communityModel.id,
			code: communityModel.code,
			nameVi: communityModel.nameVi,
			nameEn: communityModel.nameEn,
			kind: communityModel.kind,
			areaVi: area.nameVi,
			areaEn: area.nameEn
		})
		.from(communityModel)
		.innerJoin(area, eq(area.id, communityModel.areaId))
		.where(inArray(communityModel.id, [...ids]))
		.orderBy(asc(communityModel.id));
	const count = (modelId: number, kind: ImpactMemberKind) =>
		counts.filter((c) => c.modelId === modelId && c.kind === kind).reduce((n, c) => n + c.n, 0);
	return models.map((m) => ({
		...m,
		students: count(m.id, 'student'),
		households: count(m.id, 'household'),
		sums: sums.find((s) => s.modelId === m.id)?.sums ?? zeroSums()
	}));
}

/** The playgrounds of a model and/or in an area, with their build progress. */
export async function playgroundsIn(db: DbOrTx, scope: ImpactScope) {
	const where: SQL[] = [];
	if (scope.modelId !== null) where.push(eq(playground.modelId, scope.modelId));
	if (scope.areaId !== null)
		where.push(
			inArray(
				playground.areaId,
				db
					.select({ id: areaClosure.areaId })
					.from(areaClosure)
					.where(eq(areaClosure.ancestorId, scope.areaId))
			)
		);
	const rows = await db
		.select({
			id: playground.id,
			name: playground.name,
			state: playground.state,
			modelId: playground.modelId
		})
		.from(playground)
		.where(and(...where))
		.orderBy(asc(playground.id))
		.limit(50);
	const progress = await progressOf(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, ...(progress.get(r.id) ?? { overall: 0, grams: 0 }) }));
}
