import { eq } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { classStudent, household, schoolClass } from '$lib/server/db/schema';
import { listTeacherClasses } from './classes';
import { activeHouseholdOf } from '$lib/server/access/membership';

export interface HomePlaces {
	classes: { id: number; name: string }[];
	household: { id: number; name: string } | null;
}

/** The classes (taught or attended, not archived) and the active household a signed-in person has, for the home page. */
export async function homePlaces(
	db: DbOrTx,
	user: { id: number; roles: readonly string[] }
): Promise<HomePlaces> {
	const classes: HomePlaces['classes'] = [];
	if (user.roles.includes('teacher')) {
		for (const c of await listTeacherClasses(db, user.id))
			if (!c.archivedAt) classes.push({ id: c.id, name: c.name });
	}
	const [attended] = await db
		.select({ id: schoolClass.id, name: schoolClass.name })
		.from(classStudent)
		.innerJoin(schoolClass, eq(schoolClass.id, classStudent.classId))
		.where(eq(classStudent.userId, user.id));
	if (attended) classes.push(attended);
	const hh = await activeHouseholdOf(db, user.id);
	const [named] = hh
		? await db
				.select({ id: household.id, name: household.displayName })
				.from(household)
				.where(eq(household.id, hh.householdId))
		: [];
	return { classes, household: named ?? null };
}
