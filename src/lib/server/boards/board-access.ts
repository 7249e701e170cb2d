import { eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	area,
	challenge,
	household,
	neighbourhood,
	school,
	schoolClass,
	type ScopeKind
} from '$lib/server/db/schema';
import type { BoardKind } from '$lib/schemas/boards';
import { classesTaughtBy, getMemberships } from '$lib/server/access/membership';
import { neighbourhoodsStewardedBy } from '$lib/server/access/stewards';
import type { Viewer } from '$lib/server/access/relations';
import { areaChains } from '$lib/server/ledger/areas';
import type { BoardSource } from './source';

/** A name in both languages (areas have two; everything else has one). */
export interface Bilingual {
	vi: string;
	en: string;
}
const same = (name: string): Bilingual => ({ vi: name, en: name });

/** A board the viewer may see, with what its rows are and which row is theirs. */
export interface BoardContext {
	kind: BoardKind;
	containerId: number;
	containerName: Bilingual;
	source: BoardSource;
	/** The kind of group the rows are (their own rollup feeds the chart). */
	scopeKind: ScopeKind;
	ownScopeId: number | null;
	/** student-in-class only: whether the teacher has turned it on, and whether this viewer may switch it. */
	studentBoard?: { enabled: boolean; canToggle: boolean };
}

export type BoardAccess =
	| { ok: true; board: BoardContext }
	| {
			ok: false;
			status: 403 | 404;
			error: 'error.404' | 'board.error.private' | 'board.error.studentBoardOff';
	  };

const notFound = { ok: false, status: 404, error: 'error.404' } as const;
const forbidden = { ok: false, status: 403, error: 'board.error.private' } as const;

/** Only asked of stewards, so other viewers cost no query. */
async function stewardedNeighbourhoods(db: DbOrTx, viewer: Viewer) {
	return viewer.roles.includes('steward') ? neighbourhoodsStewardedBy(db, viewer.id) : [];
}

/**
 * Whether `viewer` may see this board, and its context. Area boards are open to everyone signed
 * in; a school's class board to its teachers and students; a neighbourhood's household board to
 * its households and stewards; a class's student board to the class, once its teacher turns it on.
 * Organisers see every board. 404 for an unknown container, 403 for someone else's board.
 */
export async function resolveBoard(
	db: DbOrTx,
	viewer: Viewer,
	kind: BoardKind,
	containerId: number
): Promise<BoardAccess> {
	const organiser = viewer.roles.includes('organiser');
	const u = viewer.id;
	// One statement per board kind: the container and everything the viewer is to it, as subqueries
	// on unique or primary keys (a board request is mostly statements, so fewer is faster).
	switch (kind) {
		case 'class-in-school': {
			const [row] = await db.all<{
				name: string;
				studentClass: number | null;
				taughtClass: number | null;
				staff: number;
			}>(sql`
				SELECT s.name AS name,
					(SELECT cs.class_id FROM class_student cs JOIN class c ON c.id = cs.class_id WHERE cs.user_id = ${u} AND c.school_id = s.id) AS studentClass,
					(SELECT ct.class_id FROM class_teacher ct JOIN class c ON c.id = ct.class_id WHERE ct.user_id = ${u} AND c.school_id = s.id ORDER BY ct.class_id LIMIT 1) AS taughtClass,
					EXISTS (SELECT 1 FROM school_teacher st WHERE st.school_id = s.id AND st.user_id = ${u}) AS staff
				FROM school s WHERE s.id = ${containerId}`);
			if (!row) return notFound;
			if (!organiser && !row.staff && row.taughtClass === null && row.studentClass === null) return forbidden;
			return ok(kind, containerId, same(row.name), row.studentClass ?? row.taughtClass);
		}
		case 'household-in-neighbourhood': {
			const [row] = await db.all<{ name: string; household: number | null; steward: number }>(sql`
				SELECT n.name AS name,
					(SELECT hm.household_id FROM household_member hm JOIN household h ON h.id = hm.household_id
						WHERE hm.user_id = ${u} AND hm.status = 'active' AND h.neighbourhood_id = n.id) AS household,
					EXISTS (SELECT 1 FROM neighbourhood_steward ns WHERE ns.neighbourhood_id = n.id AND ns.user_id = ${u}) AS steward
				FROM neighbourhood n WHERE n.id = ${containerId}`);
			if (!row) return notFound;
			if (!organiser && row.household === null && !row.steward) return forbidden;
			return ok(kind, containerId, same(row.name), row.household);
		}
		case 'class-in-area':
		case 'school-in-area':
		case 'neighbourhood-in-area': {
			const [row] = await db.all<{
				vi: string;
				en: string;
				cls: number | null;
				school: number | null;
				nb: number | null;
			}>(sql`
				SELECT a.name_vi AS vi, a.name_en AS en,
					coalesce(
						(SELECT cs.class_id FROM class_student cs WHERE cs.user_id = ${u}),
						(SELECT min(ct.class_id) FROM class_teacher ct WHERE ct.user_id = ${u})
					) AS cls,
					(SELECT h.neighbourhood_id FROM household_member hm JOIN household h ON h.id = hm.household_id
						WHERE hm.user_id = ${u} AND hm.status = 'active') AS nb
				FROM area a WHERE a.id = ${containerId}`);
			if (!row) return notFound;
			const name = { vi: row.vi, en: row.en };
			if (kind === 'neighbourhood-in-area') {
				const own = row.nb ?? (await stewardedNeighbourhoods(db, viewer))[0]?.neighbourhoodId ?? null;
				return ok(kind, containerId, name, own);
			}
			if (kind === 'class-in-area' || row.cls === null) return ok(kind, containerId, name, row.cls);
			const [c] = await db
				.select({ schoolId: schoolClass.schoolId })
				.from(schoolClass)
				.where(eq(schoolClass.id, row.cls));
			return ok(kind, containerId, name, c?.schoolId ?? null);
		}
		case 'student-in-class': {
			const [row] = await db.all<{ name: string; enabled: number; teacher: number; student: number }>(sql`
				SELECT c.name AS name, c.student_board_enabled AS enabled,
					EXISTS (SELECT 1 FROM class_teacher ct WHERE ct.class_id = c.id AND ct.user_id = ${u}) AS teacher,
					EXISTS (SELECT 1 FROM class_student cs WHERE cs.user_id = ${u} AND cs.class_id = c.id) AS student
				FROM class c WHERE c.id = ${containerId}`);
			if (!row) return notFound;
			const isTeacher = !!row.teacher;
			const isStudent = !!row.student;
			if (!organiser && !isTeacher && !isStudent) return forbidden;
			if (!row.enabled && !isTeacher && !organiser)
				return { ok: false, status: 403, error: 'board.error.studentBoardOff' };
			const result = ok(kind, containerId, same(row.name), isStudent ? viewer.id : null);
			result.board.studentBoard = { enabled: !!row.enabled, canToggle: isTeacher };
			return result;
		}
	}
}

/** Where a board's rows live and what kind of group they are. */
export function sourceFor(
	kind: BoardKind,
	containerId: number
): { source: BoardSource; scopeKind: ScopeKind } {
	switch (kind) {
		case 'class-in-school':
			return { source: { table: 'rollup', scopeKind: 'class', parentId: containerId }, scopeKind: 'class' };
		case 'household-in-neighbourhood':
			return {
				source: { table: 'rollup', scopeKind: 'household', parentId: containerId },
				scopeKind: 'household'
			};
		case 'student-in-class':
			return { source: { table: 'rollup', scopeKind: 'person', parentId: containerId }, scopeKind: 'person' };
		case 'class-in-area':
			return { source: { table: 'area', boardKind: 'class', areaId: containerId }, scopeKind: 'class' };
		case 'school-in-area':
			return { source: { table: 'area', boardKind: 'school', areaId: containerId }, scopeKind: 'school' };
		case 'neighbourhood-in-area':
			return {
				source: { table: 'area', boardKind: 'neighbourhood', areaId: containerId },
				scopeKind: 'neighbourhood'
			};
	}
}

function ok(
	kind: BoardKind,
	containerId: number,
	containerName: Bilingual,
	ownScopeId: number | null
): { ok: true; board: BoardContext } {
	return {
		ok: true,
		board: { kind, containerId, containerName, ...sourceFor(kind, containerId), ownScopeId }
	};
}

/** A challenge's period, for its board window; null when there is no such challenge. */
export async function findChallenge(db: DbOrTx, challengeId: number) {
	const [row] = await db
		.select({
			id: challenge.id,
			title: challenge.title,
			startDay: challenge.startDay,
			endDay: challenge.endDay
		})
		.from(challenge)
		.where(eq(challenge.id, challengeId));
	return row ?? null;
}

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

/** The teacher's switch for a class's student board (the caller checks it is their class). */
export async function setStudentBoard(db: DbOrTx, classId: number, enabled: boolean): Promise<void> {
	await db.update(schoolClass).set({ studentBoardEnabled: enabled }).where(eq(schoolClass.id, classId));
}
