import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	classStudent,
	classTeacher,
	household,
	householdMember,
	school,
	schoolClass,
	schoolTeacher,
	user
} from '$lib/server/db/schema';

/**
 * Who belongs to what: a student's class, a person's household, a class's teachers. This is the
 * one place the "active member" condition is written; everything else asks here.
 */

/** A household membership that counts: approved (a pending request is not a member yet). */
export function isActiveMembership(): SQL {
	return eq(householdMember.status, 'active');
}

/** Where a person's points count: their class (if a student) and their household (if active). */
export interface Memberships {
	classId: number | null;
	schoolId: number | null;
	householdId: number | null;
	neighbourhoodId: number | null;
}

/** A person's current class and active household; the ledger credits both (dual credit). */
export async function getMemberships(db: DbOrTx, userId: number): Promise<Memberships> {
	const [cls] = await db
		.select({ classId: classStudent.classId, schoolId: schoolClass.schoolId })
		.from(classStudent)
		.innerJoin(schoolClass, eq(schoolClass.id, classStudent.classId))
		.where(eq(classStudent.userId, userId));
	const hh = await activeHouseholdOf(db, userId);
	return {
		classId: cls?.classId ?? null,
		schoolId: cls?.schoolId ?? null,
		householdId: hh?.householdId ?? null,
		neighbourhoodId: hh?.neighbourhoodId ?? null
	};
}

/** The household a person is an approved member of, as an adult or a student; null otherwise. */
export async function activeHouseholdOf(db: DbOrTx, userId: number) {
	const [m] = await db
		.select({
			householdId: householdMember.householdId,
			kind: householdMember.kind,
			neighbourhoodId: household.neighbourhoodId
		})
		.from(householdMember)
		.innerJoin(household, eq(household.id, householdMember.householdId))
		.where(and(eq(householdMember.userId, userId), isActiveMembership()));
	return m ?? null;
}

/** The ids of a household's approved members (of one kind, if given), as a subquery for `inArray`. */
export function activeMemberIds(db: DbOrTx, householdId: number, kind?: 'adult' | 'student') {
	return db
		.select({ id: householdMember.userId })
		.from(householdMember)
		.where(
			and(
				eq(householdMember.householdId, householdId),
				isActiveMembership(),
				kind ? eq(householdMember.kind, kind) : undefined
			)
		);
}

/** A household's approved student members, by nickname (for "who brings it"). */
export async function householdStudents(db: DbOrTx, householdId: number) {
	return db
		.select({ id: user.id, nickname: user.nickname })
		.from(householdMember)
		.innerJoin(user, eq(user.id, householdMember.userId))
		.where(
			and(
				eq(householdMember.householdId, householdId),
				eq(householdMember.kind, 'student'),
				isActiveMembership()
			)
		)
		.orderBy(asc(user.nickname));
}

/** Whether a person is an approved student member of this household. */
export async function isHouseholdStudent(db: DbOrTx, householdId: number, userId: number): Promise<boolean> {
	const [m] = await db
		.select({ x: householdMember.userId })
		.from(householdMember)
		.where(
			and(
				eq(householdMember.householdId, householdId),
				eq(householdMember.userId, userId),
				eq(householdMember.kind, 'student'),
				isActiveMembership()
			)
		);
	return !!m;
}

/** How many approved adults a household has (none left: a steward or organiser may recover it). */
export async function activeAdultCount(db: DbOrTx, householdId: number): Promise<number> {
	const rows = await activeMemberIds(db, householdId, 'adult');
	return rows.length;
}

/** The household an adult has approved membership of (where they may adopt, pledge for, approve). */
export async function adultHouseholdOf(db: DbOrTx, userId: number) {
	const hh = await activeHouseholdOf(db, userId);
	return hh?.kind === 'adult' ? hh : null;
}

/** Whether the user is one of the class's teachers. */
export async function isClassTeacher(db: DbOrTx, userId: number, classId: number): Promise<boolean> {
	const [t] = await db
		.select({ x: classTeacher.userId })
		.from(classTeacher)
		.where(and(eq(classTeacher.classId, classId), eq(classTeacher.userId, userId)));
	return !!t;
}

/** Whether the user is a student of this class. */
export async function isClassStudent(db: DbOrTx, userId: number, classId: number): Promise<boolean> {
	const [s] = await db
		.select({ x: classStudent.userId })
		.from(classStudent)
		.where(and(eq(classStudent.classId, classId), eq(classStudent.userId, userId)));
	return !!s;
}

/** The classes a user teaches, with their schools and areas, oldest class first. */
export async function classesTaughtBy(db: DbOrTx, userId: number) {
	return db
		.select({ classId: classTeacher.classId, schoolId: schoolClass.schoolId, areaId: school.areaId })
		.from(classTeacher)
		.innerJoin(schoolClass, eq(schoolClass.id, classTeacher.classId))
		.innerJoin(school, eq(school.id, schoolClass.schoolId))
		.where(eq(classTeacher.userId, userId))
		.orderBy(classTeacher.classId);
}

/** The classes a teacher may act for (adopt a playground part), archived ones left out. */
export async function openClassesTaughtBy(db: DbOrTx, userId: number) {
	const rows = await db
		.select({ id: schoolClass.id, name: schoolClass.name, archivedAt: schoolClass.archivedAt })
		.from(classTeacher)
		.innerJoin(schoolClass, eq(schoolClass.id, classTeacher.classId))
		.where(eq(classTeacher.userId, userId));
	return rows.filter((r) => !r.archivedAt).map(({ id, name }) => ({ id, name }));
}

/** Whether the user teaches at the school (was invited to it). */
export async function isSchoolTeacher(db: DbOrTx, userId: number, schoolId: number): Promise<boolean> {
	const [row] = await db
		.select({ x: schoolTeacher.userId })
		.from(schoolTeacher)
		.where(and(eq(schoolTeacher.schoolId, schoolId), eq(schoolTeacher.userId, userId)));
	return !!row;
}

/** A student's current class, or null. */
export async function classOfStudent(db: DbOrTx, studentId: number) {
	const [row] = await db
		.select({ classId: classStudent.classId, schoolId: schoolClass.schoolId })
		.from(classStudent)
		.innerJoin(schoolClass, eq(schoolClass.id, classStudent.classId))
		.where(eq(classStudent.userId, studentId));
	return row ?? null;
}
