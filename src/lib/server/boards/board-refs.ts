import { eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { area, household, neighbourhood, school, schoolClass } from '$lib/server/db/schema';
import type { BoardKind } from '$lib/schemas/boards';
import { classesTaughtBy, getMemberships } from '$lib/server/access/membership';
import type { Viewer } from '$lib/server/access/relations';
import { areaChains } from '$lib/server/ledger/areas';
import { same, stewardedNeighbourhoods, type Bilingual } from './board-access';

/** A board reference: which board, over which container, and which of its rows is "ours". */
export interface BoardRef {
	kind: BoardKind;
	containerId: number;
	containerName: Bilingual;
	scopeId: number | null;
}

async function areaRefs(
	db: DbOrTx,
	areaIds: number[],
	kinds: BoardKind[],
	own: Partial<Record<BoardKind, number | null>>
): Promise<BoardRef[]> {
	const chains = await areaChains(db, areaIds);
	const ids = [...new Set([...chains.values()].flat())];
	if (ids.length === 0) return [];
	const names = new Map(
		(
			await db
				.select({ id: area.id, vi: area.nameVi, en: area.nameEn })
				.from(area)
				.where(inArray(area.id, ids))
		).map((a) => [a.id, { vi: a.vi, en: a.en }])
	);
	return kinds.flatMap((kind) =>
		ids.map((containerId) => ({
			kind,
			containerId,
			containerName: names.get(containerId)!,
			scopeId: own[kind] ?? null
		}))
	);
}

/** The boards a class is on: within its school and within its area and every area above it. */
export async function boardsOfClass(db: DbOrTx, classId: number): Promise<BoardRef[]> {
	const [c] = await db
		.select({ schoolId: school.id, schoolName: school.name, areaId: school.areaId })
		.from(schoolClass)
		.innerJoin(school, eq(school.id, schoolClass.schoolId))
		.where(eq(schoolClass.id, classId));
	if (!c) return [];
	return [
		{ kind: 'class-in-school', containerId: c.schoolId, containerName: same(c.schoolName), scopeId: classId },
		...(await areaRefs(db, [c.areaId], ['class-in-area'], { 'class-in-area': classId }))
	];
}

/** The boards a household is on (its neighbourhood's). */
export async function boardsOfHousehold(db: DbOrTx, householdId: number): Promise<BoardRef[]> {
	const [h] = await db
		.select({ neighbourhoodId: neighbourhood.id, name: neighbourhood.name })
		.from(household)
		.innerJoin(neighbourhood, eq(neighbourhood.id, household.neighbourhoodId))
		.where(eq(household.id, householdId));
	return h
		? [
				{
					kind: 'household-in-neighbourhood',
					containerId: h.neighbourhoodId,
					containerName: same(h.name),
					scopeId: householdId
				}
			]
		: [];
}

/** Every board the viewer is on (or looks after, for teachers and stewards), without duplicates. */
export async function boardsForViewer(db: DbOrTx, viewer: Viewer): Promise<BoardRef[]> {
	const m = await getMemberships(db, viewer.id);
	const refs: BoardRef[] = [];
	const classIds = new Set<number>();
	if (m.classId) classIds.add(m.classId);
	for (const t of await classesTaughtBy(db, viewer.id)) classIds.add(t.classId);
	const classRows = classIds.size
		? await db
				.select({
					id: schoolClass.id,
					name: schoolClass.name,
					enabled: schoolClass.studentBoardEnabled,
					schoolId: school.id,
					schoolName: school.name,
					areaId: school.areaId
				})
				.from(schoolClass)
				.innerJoin(school, eq(school.id, schoolClass.schoolId))
				.where(inArray(schoolClass.id, [...classIds]))
				.orderBy(schoolClass.id)
		: [];
	for (const c of classRows) {
		const isStudent = c.id === m.classId;
		if (c.enabled || !isStudent)
			refs.push({
				kind: 'student-in-class',
				containerId: c.id,
				containerName: same(c.name),
				scopeId: isStudent ? viewer.id : null
			});
		refs.push({
			kind: 'class-in-school',
			containerId: c.schoolId,
			containerName: same(c.schoolName),
			scopeId: c.id
		});
	}
	const first = classRows.find((c) => c.id === m.classId) ?? classRows[0];
	if (first) {
		refs.push(
			...(await areaRefs(db, [first.areaId], ['class-in-area', 'school-in-area'], {
				'class-in-area': first.id,
				'school-in-area': first.schoolId
			}))
		);
	}
	const stewarded = await stewardedNeighbourhoods(db, viewer);
	const neighbourhoodIds = [
		...new Set(
			[m.neighbourhoodId, ...stewarded.map((s) => s.neighbourhoodId)].filter((x): x is number => x !== null)
		)
	];
	if (neighbourhoodIds.length) {
		const rows = await db
			.select({ id: neighbourhood.id, name: neighbourhood.name, areaId: neighbourhood.areaId })
			.from(neighbourhood)
			.where(inArray(neighbourhood.id, neighbourhoodIds))
			.orderBy(neighbourhood.id);
		for (const n of rows) {
			refs.push({
				kind: 'household-in-neighbourhood',
				containerId: n.id,
				containerName: same(n.name),
				scopeId: n.id === m.neighbourhoodId ? m.householdId : null
			});
		}
		const mine = rows.find((n) => n.id === m.neighbourhoodId) ?? rows[0];
		refs.push(
			...(await areaRefs(db, [mine.areaId], ['neighbourhood-in-area'], { 'neighbourhood-in-area': mine.id }))
		);
	}
	if (refs.length === 0 && viewer.roles.includes('organiser')) {
		const roots = await db
			.select({ id: area.id })
			.from(area)
			.where(isNull(area.parentId))
			.orderBy(area.id)
			.limit(5);
		refs.push(
			...(await areaRefs(
				db,
				roots.map((r) => r.id),
				['school-in-area', 'class-in-area', 'neighbourhood-in-area'],
				{}
			))
		);
	}
	const seen = new Set<string>();
	return refs.filter((r) => {
		const k = `${r.kind}:${r.containerId}`;
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}
