import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { contribution, household, playgroundComponent, school, schoolClass } from '$lib/server/db/schema';
import { publicCredit } from '$lib/server/access/visibility';
import { componentProgress, overallProgress, type Material } from '$lib/utils/playground';
import { listComponents } from './playgrounds';

const confirmedIn = (playgroundId: number) =>
	and(eq(contribution.playgroundId, playgroundId), eq(contribution.status, 'confirmed'));

/** Confirmed grams and items per component of a playground. */
async function componentTotals(db: DbOrTx, playgroundId: number) {
	return db
		.select({
			componentId: contribution.componentId,
			grams: sql<number>`coalesce(sum(${contribution.grams}), 0)`,
			items: sql<number>`coalesce(sum(${contribution.itemCount}), 0)`
		})
		.from(contribution)
		.where(and(confirmedIn(playgroundId), isNotNull(contribution.componentId)))
		.groupBy(contribution.componentId);
}

/** What each component's adopter brought to it (their contributions "shown on it"). */
async function adopterGrams(db: DbOrTx, playgroundId: number, componentIds: number[]) {
	if (componentIds.length === 0) return [];
	return db
		.select({
			componentId: contribution.componentId,
			classId: contribution.classId,
			householdId: contribution.householdId,
			grams: sql<number>`sum(${contribution.grams})`
		})
		.from(contribution)
		.where(and(confirmedIn(playgroundId), inArray(contribution.componentId, componentIds)))
		.groupBy(contribution.componentId, contribution.classId, contribution.householdId);
}

/**
 * Everything the public build tracker shows, from confirmed contributions only: components with
 * progress (and what their adopter brought), overall progress, kg by material, the top classes
 * and households, and recent activity. Only classes, schools and households: no child, by any name.
 */
export async function getTracker(db: DbOrTx, playgroundId: number) {
	const components = await listComponents(db, playgroundId);
	const totals = await componentTotals(db, playgroundId);
	const byAdopter = await adopterGrams(
		db,
		playgroundId,
		components.filter((c) => c.adoptedByClassId || c.adoptedByHouseholdId).map((c) => c.id)
	);
	const withProgress = components.map((c) => {
		const got = totals.find((t) => t.componentId === c.id) ?? { grams: 0, items: 0 };
		const adopterGramsOnIt = byAdopter
			.filter(
				(a) =>
					a.componentId === c.id &&
					((c.adoptedByClassId && a.classId === c.adoptedByClassId) ||
						(c.adoptedByHouseholdId && a.householdId === c.adoptedByHouseholdId))
			)
			.reduce((s, a) => s + Number(a.grams), 0);
		return {
			...c,
			grams: Number(got.grams),
			items: Number(got.items),
			progress: componentProgress(c, { grams: Number(got.grams), items: Number(got.items) }),
			adopterGrams: adopterGramsOnIt
		};
	});

	const materials = await db
		.select({
			material: contribution.material,
			grams: sql<number>`sum(${contribution.grams})`,
			points: sql<number>`sum(${contribution.points})`
		})
		.from(contribution)
		.where(confirmedIn(playgroundId))
		.groupBy(contribution.material);

	const topClasses = await db
		.select({
			id: schoolClass.id,
			name: schoolClass.name,
			schoolName: school.name,
			grams: sql<number>`sum(${contribution.grams})`,
			points: sql<number>`sum(${contribution.points})`
		})
		.from(contribution)
		.innerJoin(schoolClass, eq(schoolClass.id, contribution.classId))
		.innerJoin(school, eq(school.id, schoolClass.schoolId))
		.where(confirmedIn(playgroundId))
		.groupBy(schoolClass.id)
		.orderBy(desc(sql`sum(${contribution.grams})`))
		.limit(5);

	const topHouseholds = await db
		.select({
			id: household.id,
			name: household.displayName,
			grams: sql<number>`sum(${contribution.grams})`,
			points: sql<number>`sum(${contribution.points})`
		})
		.from(contribution)
		.innerJoin(household, eq(household.id, contribution.householdId))
		.where(confirmedIn(playgroundId))
		.groupBy(household.id)
		.orderBy(desc(sql`sum(${contribution.grams})`))
		.limit(5);

	const recent = await db
		.select({
			id: contribution.id,
			localDay: contribution.localDay,
			material: contribution.material,
			grams: contribution.grams,
			itemCount: contribution.itemCount,
			householdName: household.displayName,
			className: schoolClass.name
		})
		.from(contribution)
		.leftJoin(household, eq(household.id, contribution.householdId))
		.leftJoin(schoolClass, eq(schoolClass.id, contribution.classId))
		.where(confirmedIn(playgroundId))
		.orderBy(desc(contribution.decidedAt), desc(contribution.id))
		.limit(10);

	const totalGrams = materials.reduce((s, m) => s + Number(m.grams), 0);
	return {
		components: withProgress,
		overall: overallProgress(withProgress.map((c) => c.progress)),
		totalGrams,
		byMaterial: materials.map((m) => ({
			material: m.material as Material,
			grams: Number(m.grams),
			points: Number(m.points)
		})),
		topClasses: topClasses.map((c) => ({ ...c, grams: Number(c.grams), points: Number(c.points) })),
		topHouseholds: topHouseholds.map((h) => ({ ...h, grams: Number(h.grams), points: Number(h.points) })),
		// Public: each drop-off shows the class or household it counted for, never the child.
		recent: recent.map(({ householdName, className, ...r }) => ({
			...r,
			...publicCredit({ studentNickname: null, className, householdName })
		}))
	};
}

/** Total confirmed grams per playground, for the list page. */
export async function gramsByPlayground(db: DbOrTx) {
	const rows = await db
		.select({ playgroundId: contribution.playgroundId, grams: sql<number>`sum(${contribution.grams})` })
		.from(contribution)
		.where(eq(contribution.status, 'confirmed'))
		.groupBy(contribution.playgroundId);
	return new Map(rows.map((r) => [r.playgroundId, Number(r.grams)]));
}

/** Overall build progress and confirmed grams of some playgrounds, in three queries whatever their number. */
export async function progressOf(db: DbOrTx, playgroundIds: number[]) {
	const out = new Map<number, { overall: number; grams: number }>();
	if (playgroundIds.length === 0) return out;
	const parts = await db
		.select({
			id: playgroundComponent.id,
			playgroundId: playgroundComponent.playgroundId,
			targetGrams: playgroundComponent.targetGrams,
			targetItems: playgroundComponent.targetItems
		})
		.from(playgroundComponent)
		.where(inArray(playgroundComponent.playgroundId, playgroundIds));
	const confirmed = and(
		inArray(contribution.playgroundId, playgroundIds),
		eq(contribution.status, 'confirmed')
	);
	const perComponent = await db
		.select({
			componentId: contribution.componentId,
			grams: sql<number>`coalesce(sum(${contribution.grams}), 0)`,
			items: sql<number>`coalesce(sum(${contribution.itemCount}), 0)`
		})
		.from(contribution)
		.where(and(confirmed, isNotNull(contribution.componentId)))
		.groupBy(contribution.componentId);
	const perPlayground = await db
		.select({ playgroundId: contribution.playgroundId, grams: sql<number>`sum(${contribution.grams})` })
		.from(contribution)
		.where(confirmed)
		.groupBy(contribution.playgroundId);
	for (const id of playgroundIds) {
		const progresses = parts
			.filter((c) => c.playgroundId === id)
			.map((c) => {
				const got = perComponent.find((t) => t.componentId === c.id);
				return componentProgress(c, { grams: Number(got?.grams ?? 0), items: Number(got?.items ?? 0) });
			});
		const grams = Number(perPlayground.find((p) => p.playgroundId === id)?.grams ?? 0);
		out.set(id, { overall: overallProgress(progresses), grams });
	}
	return out;
}
