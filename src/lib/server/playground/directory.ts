import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	classStudent,
	collectionPoint,
	household,
	householdMember,
	schoolClass,
	user
} from '$lib/server/db/schema';
import { isPointSteward } from './points';

/** More than this and the list is cut (a point serves a neighbourhood or a school, not a city). */
export const DIRECTORY_LIMIT = 2000;

export interface DirectoryEntry {
	/** What the record form sends as `pick`: "h:<household id>" or "u:<student id>". */
	pick: string;
	label: string;
}

/**
 * The households and students a steward may credit at a point, whole, for the device to look them
 * up with no connection: the point's neighbourhood's households, and the students of its school or
 * of those households. Nobody else; null when the user does not steward the point. No join codes
 * or login names: a name and a class are all the list carries.
 */
export async function contributorDirectory(
	db: DbOrTx,
	stewardId: number,
	pointId: number
): Promise<DirectoryEntry[] | null> {
	if (!(await isPointSteward(db, stewardId, pointId))) return null;
	const [point] = await db
		.select({ schoolId: collectionPoint.schoolId, neighbourhoodId: collectionPoint.neighbourhoodId })
		.from(collectionPoint)
		.where(eq(collectionPoint.id, pointId));
	const households = point.neighbourhoodId
		? await db
				.select({ id: household.id, name: household.displayName })
				.from(household)
				.where(eq(household.neighbourhoodId, point.neighbourhoodId))
				.orderBy(asc(household.displayName))
				.limit(DIRECTORY_LIMIT)
		: [];
	const householdStudents = households.length
		? db
				.select({ id: householdMember.userId })
				.from(householdMember)
				.where(
					and(
						inArray(
							householdMember.householdId,
							households.map((h) => h.id)
						),
						eq(householdMember.kind, 'student'),
						eq(householdMember.status, 'active')
					)
				)
		: null;
	const inScope = [
		point.schoolId ? eq(schoolClass.schoolId, point.schoolId) : undefined,
		householdStudents ? inArray(classStudent.userId, householdStudents) : undefined
	].filter((c) => c !== undefined);
	const students = inScope.length
		? await db
				.select({ id: user.id, nickname: user.nickname, className: schoolClass.name })
				.from(classStudent)
				.innerJoin(user, eq(user.id, classStudent.userId))
				.innerJoin(schoolClass, eq(schoolClass.id, classStudent.classId))
				.where(or(...inScope))
				.orderBy(asc(user.nickname))
				.limit(DIRECTORY_LIMIT)
		: [];
	return [
		...households.map((h) => ({ pick: `h:${h.id}`, label: h.name })),
		...students.map((s) => ({ pick: `u:${s.id}`, label: `${s.nickname} · ${s.className}` }))
	].slice(0, DIRECTORY_LIMIT);
}
