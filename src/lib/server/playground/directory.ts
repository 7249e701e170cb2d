import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { classStudent, household, neighbourhood, schoolClass, user } from '$lib/server/db/schema';
import { householdInScope, isPointSteward, stewardScope, studentInScope } from '$lib/server/access/stewards';
import type { DirectoryEntry, DirectoryKind } from '$lib/domain/contributors';

/** More than this and the list is cut (a point serves a few neighbourhoods or a school, not a city). */
export const DIRECTORY_LIMIT = 2000;

/**
 * The households or the students a steward may credit by name at a point, whole, for the device to
 * look them up with no connection: exactly the access module's steward scope (the households of
 * the neighbourhoods the point serves; the students of those households or of its school),
 * labelled as the server's own name search labels them. Null when the user does not steward the
 * point. No join codes, card numbers or login names, and never a child next to a household name:
 * a student's entry is a nickname and a class, and the students come in an answer of their own.
 */
export async function contributorDirectory(
	db: DbOrTx,
	stewardId: number,
	pointId: number,
	kind: DirectoryKind
): Promise<DirectoryEntry[] | null> {
	if (!(await isPointSteward(db, stewardId, pointId))) return null;
	const scope = await stewardScope(db, pointId);
	if (kind === 'households') {
		const rows = await db
			.select({ id: household.id, name: household.displayName, nb: neighbourhood.name })
			.from(household)
			.innerJoin(neighbourhood, eq(neighbourhood.id, household.neighbourhoodId))
			.where(householdInScope(scope))
			.orderBy(asc(household.displayName), asc(household.id))
			.limit(DIRECTORY_LIMIT);
		return rows.map((h) => ({ pick: `h:${h.id}`, label: `${h.name} · ${h.nb}` }));
	}
	const rows = await db
		.select({ id: user.id, nickname: user.nickname, className: schoolClass.name })
		.from(classStudent)
		.innerJoin(user, eq(user.id, classStudent.userId))
		.innerJoin(schoolClass, eq(schoolClass.id, classStudent.classId))
		.where(studentInScope(db, scope))
		.orderBy(asc(user.nickname), asc(user.id))
		.limit(DIRECTORY_LIMIT);
	return rows.map((s) => ({ pick: `u:${s.id}`, label: `${s.nickname} · ${s.className}` }));
}
