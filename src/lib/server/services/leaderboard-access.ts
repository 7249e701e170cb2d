import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	area,
	challenge,
	classStudent,
	classTeacher,
	household,
	neighbourhood,
	neighbourhoodSteward,
	school,
	schoolClass,
	schoolTeacher,
	user,
	type ScopeKind
} from '$lib/server/db/schema';
import type { BoardKind } from '$lib/schemas/boards';
import { getMemberships, isStewardOf } from './membership';
import { areaChains } from './ledger';
import type { BoardSource } from './leaderboards';

/** Who is looking: enough of the session user to decide access. */
export interface Viewer {
	id: number;
	roles: readonly string[];
}

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
	| { ok: false; status: 403 | 404; error: 'error.404' | 'board.error.private' | 'board.error.studentBoardOff' };

const notFound = { ok: false, status: 404, error: 'error.404' } as const;
const forbidden = { ok: false, status: 403, error: 'board.error.private' } as const;

async function areaName(db: DbOrTx, areaId: number): Promise<Bilingual | null> {
	const [row] = await db.select({ vi: area.nameVi, en: area.nameEn }).from(area).where(eq(area.id, areaId));
	return row ?? null;
}

/** The classes a user teaches, with their schools. */
async function taughtClasses(db: DbOrTx, userId: number) {
	return db
		.select({ classId: classTeacher.classId, schoolId: schoolClass.schoolId, areaId: school.areaId })
		.from(classTeacher)
		.innerJoin(schoolClass, eq(schoolClass.id, classTeacher.classId))
		.innerJoin(school, eq(school.id, schoolClass.schoolId))
		.where(eq(classTeacher.userId, userId))
		.orderBy(classTeacher.classId);
}

/** Only asked of stewards: `neighbourhood_steward` is keyed by neighbourhood first. */
async function stewardedNeighbourhoods(db: DbOrTx, viewer: Viewer) {
	if (!viewer.roles.includes('steward')) return [];
	const userId = viewer.id;
	return db
		.select({ neighbourhoodId: neighbourhoodSteward.neighbourhoodId, areaId: neighbourhood.areaId })
		.from(neighbourhoodSteward)
		.innerJoin(neighbourhood, eq(neighbourhood.id, neighbourhoodSteward.neighbourhoodId))
		.where(eq(neighbourhoodSteward.userId, userId))
		.orderBy(neighbourhoodSteward.neighbourhoodId);
}

/**
 * Whether `viewer` may see this board, and its context. Area boards are open to everyone signed
 * in; a school's class board to its teachers and students; a neighbourhood's household board to
 * its households and stewards; a class's student board to the class, once its teacher turns it on.
 * Organisers see every board. 404 for an unknown container, 403 for someone else's board.
 */
export async function resolveBoard(db: DbOrTx, viewer: Viewer, kind: BoardKind, containerId: number): Promise<BoardAccess> {
	const organiser = viewer.roles.includes('organiser');
	const m = await getMemberships(db, viewer.id);
	switch (kind) {
		case 'class-in-school': {
			const [s] = await db.select({ name: school.name }).from(school).where(eq(school.id, containerId));
			if (!s) return notFound;
			const taught = (await taughtClasses(db, viewer.id)).filter((c) => c.schoolId === containerId);
			const [staff] = await db
				.select({ x: schoolTeacher.userId })
				.from(schoolTeacher)
				.where(and(eq(schoolTeacher.schoolId, containerId), eq(schoolTeacher.userId, viewer.id)));
			if (!organiser && !staff && taught.length === 0 && m.schoolId !== containerId) return forbidden;
			const own = m.schoolId === containerId ? m.classId : (taught[0]?.classId ?? null);
			return ok(kind, containerId, same(s.name), own);
		}
		case 'household-in-neighbourhood': {
			const [n] = await db.select({ name: neighbourhood.name }).from(neighbourhood).where(eq(neighbourhood.id, containerId));
			if (!n) return notFound;
			const member = m.neighbourhoodId === containerId;
			if (!organiser && !member && !(await isStewardOf(db, viewer.id, containerId))) return forbidden;
			return ok(kind, containerId, same(n.name), member ? m.householdId : null);
		}
		case 'class-in-area':
		case 'school-in-area':
		case 'neighbourhood-in-area': {
			const name = await areaName(db, containerId);
			if (!name) return notFound;
			const boardKind = kind === 'class-in-area' ? 'class' : kind === 'school-in-area' ? 'school' : 'neighbourhood';
			let own: number | null;
			if (boardKind === 'neighbourhood') {
				own = m.neighbourhoodId ?? (await stewardedNeighbourhoods(db, viewer))[0]?.neighbourhoodId ?? null;
			} else {
				const taught = m.classId ? [] : await taughtClasses(db, viewer.id);
				own = boardKind === 'class' ? (m.classId ?? taught[0]?.classId ?? null) : (m.schoolId ?? taught[0]?.schoolId ?? null);
			}
			return ok(kind, containerId, name, own);
		}
		case 'student-in-class': {
			const [c] = await db
				.select({ name: schoolClass.name, enabled: schoolClass.studentBoardEnabled })
				.from(schoolClass)
				.where(eq(schoolClass.id, containerId));
			if (!c) return notFound;
			const isTeacher = (await taughtClasses(db, viewer.id)).some((t) => t.classId === containerId);
			const isStudent = m.classId === containerId;
			if (!organiser && !isTeacher && !isStudent) return forbidden;
			if (!c.enabled && !isTeacher && !organiser) return { ok: false, status: 403, error: 'board.error.studentBoardOff' };
			const result = ok(kind, containerId, same(c.name), isStudent ? viewer.id : null);
			result.board.studentBoard = { enabled: c.enabled, canToggle: isTeacher };
			return result;
		}
	}
}

/** Where a board's rows live and what kind of group they are. */
export function sourceFor(kind: BoardKind, containerId: number): { source: BoardSource; scopeKind: ScopeKind } {
	switch (kind) {
		case 'class-in-school':
			return { source: { table: 'rollup', scopeKind: 'class', parentId: containerId }, scopeKind: 'class' };
		case 'household-in-neighbourhood':
			return { source: { table: 'rollup', scopeKind: 'household', parentId: containerId }, scopeKind: 'household' };
		case 'student-in-class':
			return { source: { table: 'rollup', scopeKind: 'person', parentId: containerId }, scopeKind: 'person' };
		case 'class-in-area':
			return { source: { table: 'area', boardKind: 'class', areaId: containerId }, scopeKind: 'class' };
		case 'school-in-area':
			return { source: { table: 'area', boardKind: 'school', areaId: containerId }, scopeKind: 'school' };
		case 'neighbourhood-in-area':
			return { source: { table: 'area', boardKind: 'neighbourhood', areaId: containerId }, scopeKind: 'neighbourhood' };
	}
}

function ok(kind: BoardKind, containerId: number, containerName: Bilingual, ownScopeId: number | null): { ok: true; board: BoardContext } {
	return { ok: true, board: { kind, containerId, containerName, ...sourceFor(kind, containerId), ownScopeId } };
}

/** Display names of a board's rows: nicknames for people (never real names), chosen names for groups. */
export async function groupNames(db: DbOrTx, scopeKind: ScopeKind, ids: number[]): Promise<Map<number, { name: string; detail?: string }>> {
	const out = new Map<number, { name: string; detail?: string }>();
	if (ids.length === 0) return out;
	const unique = [...new Set(ids)];
	if (scopeKind === 'person') {
		const rows = await db.select({ id: user.id, name: user.nickname }).from(user).where(inArray(user.id, unique));
		for (const r of rows) out.set(r.id, { name: r.name });
	} else if (scopeKind === 'class') {
		const rows = await db
			.select({ id: schoolClass.id, name: schoolClass.name, detail: school.name })
			.from(schoolClass)
			.innerJoin(school, eq(school.id, schoolClass.schoolId))
			.where(inArray(schoolClass.id, unique));
		for (const r of rows) out.set(r.id, { name: r.name, detail: r.detail });
	} else if (scopeKind === 'school') {
		const rows = await db.select({ id: school.id, name: school.name }).from(school).where(inArray(school.id, unique));
		for (const r of rows) out.set(r.id, { name: r.name });
	} else if (scopeKind === 'household') {
		const rows = await db.select({ id: household.id, name: household.displayName }).from(household).where(inArray(household.id, unique));
		for (const r of rows) out.set(r.id, { name: r.name });
	} else if (scopeKind === 'neighbourhood') {
		const rows = await db.select({ id: neighbourhood.id, name: neighbourhood.name }).from(neighbourhood).where(inArray(neighbourhood.id, unique));
		for (const r of rows) out.set(r.id, { name: r.name });
	}
	return out;
}

/** A challenge's period, for its board window; null when there is no such challenge. */
export async function findChallenge(db: DbOrTx, challengeId: number) {
	const [row] = await db
		.select({ id: challenge.id, title: challenge.title, startDay: challenge.startDay, endDay: challenge.endDay })
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

async function areaRefs(db: DbOrTx, areaIds: number[], kinds: BoardKind[], own: Partial<Record<BoardKind, number | null>>): Promise<BoardRef[]> {
	const chains = await areaChains(db, areaIds);
	const ids = [...new Set([...chains.values()].flat())];
	if (ids.length === 0) return [];
	const names = new Map(
		(await db.select({ id: area.id, vi: area.nameVi, en: area.nameEn }).from(area).where(inArray(area.id, ids))).map((a) => [a.id, { vi: a.vi, en: a.en }])
	);
	return kinds.flatMap((kind) =>
		ids.map((containerId) => ({ kind, containerId, containerName: names.get(containerId)!, scopeId: own[kind] ?? null }))
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
	return h ? [{ kind: 'household-in-neighbourhood', containerId: h.neighbourhoodId, containerName: same(h.name), scopeId: householdId }] : [];
}

/** Every board the viewer is on (or looks after, for teachers and stewards), without duplicates. */
export async function boardsForViewer(db: DbOrTx, viewer: Viewer): Promise<BoardRef[]> {
	const m = await getMemberships(db, viewer.id);
	const refs: BoardRef[] = [];
	const classIds = new Set<number>();
	if (m.classId) classIds.add(m.classId);
	for (const t of await taughtClasses(db, viewer.id)) classIds.add(t.classId);
	const classRows = classIds.size
		? await db
				.select({ id: schoolClass.id, name: schoolClass.name, enabled: schoolClass.studentBoardEnabled, schoolId: school.id, schoolName: school.name, areaId: school.areaId })
				.from(schoolClass)
				.innerJoin(school, eq(school.id, schoolClass.schoolId))
				.where(inArray(schoolClass.id, [...classIds]))
				.orderBy(schoolClass.id)
		: [];
	for (const c of classRows) {
		const isStudent = c.id === m.classId;
		if (c.enabled || !isStudent) refs.push({ kind: 'student-in-class', containerId: c.id, containerName: same(c.name), scopeId: isStudent ? viewer.id : null });
		refs.push({ kind: 'class-in-school', containerId: c.schoolId, containerName: same(c.schoolName), scopeId: c.id });
	}
	const first = classRows.find((c) => c.id === m.classId) ?? classRows[0];
	if (first) {
		refs.push(...(await areaRefs(db, [first.areaId], ['class-in-area', 'school-in-area'], { 'class-in-area': first.id, 'school-in-area': first.schoolId })));
	}
	const stewarded = await stewardedNeighbourhoods(db, viewer);
	const neighbourhoodIds = [...new Set([m.neighbourhoodId, ...stewarded.map((s) => s.neighbourhoodId)].filter((x): x is number => x !== null))];
	if (neighbourhoodIds.length) {
		const rows = await db
			.select({ id: neighbourhood.id, name: neighbourhood.name, areaId: neighbourhood.areaId })
			.from(neighbourhood)
			.where(inArray(neighbourhood.id, neighbourhoodIds))
			.orderBy(neighbourhood.id);
		for (const n of rows) {
			refs.push({ kind: 'household-in-neighbourhood', containerId: n.id, containerName: same(n.name), scopeId: n.id === m.neighbourhoodId ? m.householdId : null });
		}
		const mine = rows.find((n) => n.id === m.neighbourhoodId) ?? rows[0];
		refs.push(...(await areaRefs(db, [mine.areaId], ['neighbourhood-in-area'], { 'neighbourhood-in-area': mine.id })));
	}
	if (refs.length === 0 && viewer.roles.includes('organiser')) {
		const roots = await db.select({ id: area.id }).from(area).where(isNull(area.parentId)).orderBy(area.id).limit(5);
		refs.push(...(await areaRefs(db, roots.map((r) => r.id), ['school-in-area', 'class-in-area', 'neighbourhood-in-area'], {})));
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
