import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	classTeacher,
	guardianLink,
	household,
	householdMember,
	neighbourhood,
	neighbourhoodSteward,
	school,
	schoolClass,
	schoolTeacher
} from '$lib/server/db/schema';
import {
	classesTaughtBy,
	classOfStudent,
	getMemberships,
	isActiveMembership,
	isClassStudent,
	isClassTeacher
} from './membership';
import { isNeighbourhoodSteward, isPointSteward, neighbourhoodsStewardedBy } from './stewards';
import { areaChains } from '$lib/server/ledger/areas';

/** Who is asking: enough of the session user to decide. */
export interface Viewer {
	id: number;
	roles: readonly string[];
}

const isOrganiser = (v: Viewer) => v.roles.includes('organiser');

export type ClassRelation = 'teacher' | 'student' | 'organiser';
export type HouseholdRelation = 'adult' | 'student' | 'steward' | 'organiser';
export type SchoolRelation = 'teacher' | 'student' | 'organiser';
export type NeighbourhoodRelation = 'member' | 'steward' | 'organiser';
export type ChildRelation = 'self' | 'guardian' | 'teacher';
export type PointRelation = 'steward' | 'organiser';
export type AreaRelation = 'member' | 'organiser';

/** How a user relates to a class: its teacher, its student, or an organiser; null when not at all. */
export async function relationToClass(
	db: DbOrTx,
	viewer: Viewer,
	classId: number
): Promise<ClassRelation | null> {
	if (await isClassTeacher(db, viewer.id, classId)) return 'teacher';
	if (await isClassStudent(db, viewer.id, classId)) return 'student';
	return isOrganiser(viewer) ? 'organiser' : null;
}

/**
 * How a user relates to a household: an approved adult or student member, the steward of its
 * neighbourhood, or an organiser. A pending request is no relation yet.
 */
export async function relationToHousehold(
	db: DbOrTx,
	viewer: Viewer,
	householdId: number
): Promise<HouseholdRelation | null> {
	const [m] = await db
		.select({ kind: householdMember.kind })
		.from(householdMember)
		.where(
			and(
				eq(householdMember.householdId, householdId),
				eq(householdMember.userId, viewer.id),
				isActiveMembership()
			)
		);
	if (m) return m.kind;
	const [st] = await db
		.select({ x: neighbourhoodSteward.userId })
		.from(household)
		.innerJoin(neighbourhoodSteward, eq(neighbourhoodSteward.neighbourhoodId, household.neighbourhoodId))
		.where(and(eq(household.id, householdId), eq(neighbourhoodSteward.userId, viewer.id)));
	if (st) return 'steward';
	return isOrganiser(viewer) ? 'organiser' : null;
}

/** How a user relates to a school: teaches there (invited or teaching a class), studies there, organiser. */
export async function relationToSchool(
	db: DbOrTx,
	viewer: Viewer,
	schoolId: number
): Promise<SchoolRelation | null> {
	const [staff] = await db
		.select({ x: schoolTeacher.userId })
		.from(schoolTeacher)
		.where(and(eq(schoolTeacher.schoolId, schoolId), eq(schoolTeacher.userId, viewer.id)));
	const [teaches] = staff
		? [staff]
		: await db
				.select({ x: classTeacher.userId })
				.from(classTeacher)
				.innerJoin(schoolClass, eq(schoolClass.id, classTeacher.classId))
				.where(and(eq(schoolClass.schoolId, schoolId), eq(classTeacher.userId, viewer.id)));
	if (teaches) return 'teacher';
	const cls = await classOfStudent(db, viewer.id);
	if (cls?.schoolId === schoolId) return 'student';
	return isOrganiser(viewer) ? 'organiser' : null;
}

/** How a user relates to a neighbourhood: an approved member of one of its households, its steward, organiser. */
export async function relationToNeighbourhood(
	db: DbOrTx,
	viewer: Viewer,
	neighbourhoodId: number
): Promise<NeighbourhoodRelation | null> {
	const [m] = await db
		.select({ x: householdMember.userId })
		.from(householdMember)
		.innerJoin(household, eq(household.id, householdMember.householdId))
		.where(
			and(
				eq(householdMember.userId, viewer.id),
				isActiveMembership(),
				eq(household.neighbourhoodId, neighbourhoodId)
			)
		);
	if (m) return 'member';
	if (await isNeighbourhoodSteward(db, viewer.id, neighbourhoodId)) return 'steward';
	return isOrganiser(viewer) ? 'organiser' : null;
}

/** Whether the user is a linked guardian of the child. */
async function isGuardianOf(db: DbOrTx, guardianId: number, studentId: number): Promise<boolean> {
	const [row] = await db
		.select({ x: guardianLink.studentId })
		.from(guardianLink)
		.where(and(eq(guardianLink.guardianId, guardianId), eq(guardianLink.studentId, studentId)));
	return !!row;
}

/**
 * How a user relates to a child (a student account): the child themself, a linked guardian, or a
 * teacher of the child's class. Only these may read the child's real name. Organisers are not here
 * on purpose: running the programme does not need a child's name.
 */
export async function relationToChild(
	db: DbOrTx,
	viewerId: number,
	childId: number
): Promise<ChildRelation | null> {
	if (viewerId === childId) return 'self';
	if (await isGuardianOf(db, viewerId, childId)) return 'guardian';
	const cls = await classOfStudent(db, childId);
	if (cls && (await isClassTeacher(db, viewerId, cls.classId))) return 'teacher';
	return null;
}

/** How a user relates to a collection point: one of its stewards, or an organiser. */
export async function relationToPoint(
	db: DbOrTx,
	viewer: Viewer,
	pointId: number
): Promise<PointRelation | null> {
	if (await isPointSteward(db, viewer.id, pointId)) return 'steward';
	return isOrganiser(viewer) ? 'organiser' : null;
}

/**
 * How a user relates to an area: their class's school, their household's neighbourhood or a
 * neighbourhood they steward lies in it (at any depth), or they are an organiser. Area boards are
 * open to everyone signed in; this is for what is kept to an area's own people (reports).
 */
export async function relationToArea(
	db: DbOrTx,
	viewer: Viewer,
	areaId: number
): Promise<AreaRelation | null> {
	if (isOrganiser(viewer)) return 'organiser';
	const m = await getMemberships(db, viewer.id);
	const places: number[] = [];
	if (m.schoolId) {
		const [s] = await db.select({ areaId: school.areaId }).from(school).where(eq(school.id, m.schoolId));
		if (s) places.push(s.areaId);
	}
	if (m.neighbourhoodId) {
		const [n] = await db
			.select({ areaId: neighbourhood.areaId })
			.from(neighbourhood)
			.where(eq(neighbourhood.id, m.neighbourhoodId));
		if (n) places.push(n.areaId);
	}
	for (const c of await classesTaughtBy(db, viewer.id)) places.push(c.areaId);
	for (const n of await neighbourhoodsStewardedBy(db, viewer.id)) places.push(n.areaId);
	const chains = await areaChains(db, places);
	return [...chains.values()].some((chain) => chain.includes(areaId)) ? 'member' : null;
}
