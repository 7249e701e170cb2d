import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	classStudent,
	classTeacher,
	household,
	householdMember,
	neighbourhoodSteward,
	schoolClass
} from '$lib/server/db/schema';

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
	const [hh] = await db
		.select({ householdId: householdMember.householdId, neighbourhoodId: household.neighbourhoodId })
		.from(householdMember)
		.innerJoin(household, eq(household.id, householdMember.householdId))
		.where(and(eq(householdMember.userId, userId), eq(householdMember.status, 'active')));
	return {
		classId: cls?.classId ?? null,
		schoolId: cls?.schoolId ?? null,
		householdId: hh?.householdId ?? null,
		neighbourhoodId: hh?.neighbourhoodId ?? null
	};
}

export type ClassRelation = 'teacher' | 'student' | 'organiser';
export type HouseholdRelation = 'adult' | 'student' | 'steward' | 'organiser';

/** How a user relates to a class: its teacher, its student, or an organiser; null when not at all. */
export async function relationToClass(
	db: DbOrTx,
	user: { id: number; roles: readonly string[] },
	classId: number
): Promise<ClassRelation | null> {
	const [t] = await db
		.select({ x: classTeacher.userId })
		.from(classTeacher)
		.where(and(eq(classTeacher.classId, classId), eq(classTeacher.userId, user.id)));
	if (t) return 'teacher';
	const [s] = await db
		.select({ x: classStudent.userId })
		.from(classStudent)
		.where(and(eq(classStudent.classId, classId), eq(classStudent.userId, user.id)));
	if (s) return 'student';
	return user.roles.includes('organiser') ? 'organiser' : null;
}

/** How a user relates to a household: an adult or student member, the neighbourhood's steward, or an organiser. */
export async function relationToHousehold(
	db: DbOrTx,
	user: { id: number; roles: readonly string[] },
	householdId: number
): Promise<HouseholdRelation | null> {
	const [m] = await db
		.select({ kind: householdMember.kind })
		.from(householdMember)
		.where(
			and(
				eq(householdMember.householdId, householdId),
				eq(householdMember.userId, user.id),
				eq(householdMember.status, 'active')
			)
		);
	if (m) return m.kind;
	const [st] = await db
		.select({ x: neighbourhoodSteward.userId })
		.from(household)
		.innerJoin(neighbourhoodSteward, eq(neighbourhoodSteward.neighbourhoodId, household.neighbourhoodId))
		.where(and(eq(household.id, householdId), eq(neighbourhoodSteward.userId, user.id)));
	if (st) return 'steward';
	return user.roles.includes('organiser') ? 'organiser' : null;
}

export async function classExists(db: DbOrTx, classId: number): Promise<boolean> {
	const [row] = await db.select({ id: schoolClass.id }).from(schoolClass).where(eq(schoolClass.id, classId));
	return !!row;
}

export async function householdExists(db: DbOrTx, householdId: number): Promise<boolean> {
	const [row] = await db.select({ id: household.id }).from(household).where(eq(household.id, householdId));
	return !!row;
}

/** Whether the user stewards this neighbourhood. */
export async function isStewardOf(db: DbOrTx, userId: number, neighbourhoodId: number): Promise<boolean> {
	const [row] = await db
		.select({ x: neighbourhoodSteward.userId })
		.from(neighbourhoodSteward)
		.where(
			and(eq(neighbourhoodSteward.neighbourhoodId, neighbourhoodId), eq(neighbourhoodSteward.userId, userId))
		);
	return !!row;
}
