import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { challenge, schoolClass, type ScopeKind } from '$lib/server/db/schema';
import type { BoardKind } from '$lib/schemas/boards';
import { neighbourhoodsStewardedBy } from '$lib/server/access/stewards';
import type { Viewer } from '$lib/server/access/relations';
import type { BoardSource } from './source';

/** A name in both languages (areas have two; everything else has one). */
export interface Bilingual {
	vi: string;
	en: string;
}
export const same = (name: string): Bilingual => ({ vi: name, en: name });

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
export async function stewardedNeighbourhoods(db: DbOrTx, viewer: Viewer) {
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

/** The teacher's switch for a class's student board (the caller checks it is their class). */
export async function setStudentBoard(db: DbOrTx, classId: number, enabled: boolean): Promise<void> {
	await db.update(schoolClass).set({ studentBoardEnabled: enabled }).where(eq(schoolClass.id, classId));
}
