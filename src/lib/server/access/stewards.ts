import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	classStudent,
	collectionPoint,
	collectionPointNeighbourhood,
	collectionPointSteward,
	household,
	householdMember,
	neighbourhood,
	neighbourhoodSteward,
	schoolClass
} from '$lib/server/db/schema';
import { isActiveMembership } from './membership';

/** Whether the user is a steward of this collection point (the only people who may weigh there). */
export async function isPointSteward(db: DbOrTx, userId: number, pointId: number): Promise<boolean> {
	const [row] = await db
		.select({ x: collectionPointSteward.userId })
		.from(collectionPointSteward)
		.where(and(eq(collectionPointSteward.pointId, pointId), eq(collectionPointSteward.userId, userId)));
	return !!row;
}

/** The collection points a user stewards (id, name, kind, hours), by id. */
export async function pointsStewardedBy(db: DbOrTx, userId: number) {
	return db
		.select({
			id: collectionPoint.id,
			name: collectionPoint.name,
			kind: collectionPoint.kind,
			openingHours: collectionPoint.openingHours
		})
		.from(collectionPointSteward)
		.innerJoin(collectionPoint, eq(collectionPoint.id, collectionPointSteward.pointId))
		.where(eq(collectionPointSteward.userId, userId))
		.orderBy(asc(collectionPoint.id));
}

/** Whether the user stewards this neighbourhood. */
export async function isNeighbourhoodSteward(
	db: DbOrTx,
	userId: number,
	neighbourhoodId: number
): Promise<boolean> {
	const [row] = await db
		.select({ x: neighbourhoodSteward.userId })
		.from(neighbourhoodSteward)
		.where(
			and(eq(neighbourhoodSteward.neighbourhoodId, neighbourhoodId), eq(neighbourhoodSteward.userId, userId))
		);
	return !!row;
}

/** The neighbourhoods a user stewards, with their areas. */
export async function neighbourhoodsStewardedBy(db: DbOrTx, userId: number) {
	return db
		.select({ neighbourhoodId: neighbourhoodSteward.neighbourhoodId, areaId: neighbourhood.areaId })
		.from(neighbourhoodSteward)
		.innerJoin(neighbourhood, eq(neighbourhood.id, neighbourhoodSteward.neighbourhoodId))
		.where(eq(neighbourhoodSteward.userId, userId))
		.orderBy(neighbourhoodSteward.neighbourhoodId);
}

/**
 * Whom a point's steward may look up by name: households of the neighbourhoods the point serves,
 * and students of those households or of the school the point stands in.
 */
export interface StewardScope {
	neighbourhoodIds: number[];
	schoolId: number | null;
}

export async function stewardScope(db: DbOrTx, pointId: number): Promise<StewardScope> {
	const [point] = await db
		.select({ schoolId: collectionPoint.schoolId })
		.from(collectionPoint)
		.where(eq(collectionPoint.id, pointId));
	const served = await db
		.select({ id: collectionPointNeighbourhood.neighbourhoodId })
		.from(collectionPointNeighbourhood)
		.where(eq(collectionPointNeighbourhood.pointId, pointId));
	return { neighbourhoodIds: served.map((s) => s.id), schoolId: point?.schoolId ?? null };
}

const nothing = (): SQL => eq(household.id, -1);

/** A condition on `household` rows: inside the scope. */
export function householdInScope(scope: StewardScope): SQL {
	return scope.neighbourhoodIds.length
		? inArray(household.neighbourhoodId, scope.neighbourhoodIds)
		: nothing();
}

/**
 * A condition on `class_student` rows (joined to `class`): a student inside the scope, through
 * their approved household or their school.
 */
export function studentInScope(db: DbOrTx, scope: StewardScope): SQL {
	const viaHousehold = scope.neighbourhoodIds.length
		? inArray(
				classStudent.userId,
				db
					.select({ id: householdMember.userId })
					.from(householdMember)
					.innerJoin(household, eq(household.id, householdMember.householdId))
					.where(and(isActiveMembership(), inArray(household.neighbourhoodId, scope.neighbourhoodIds)))
			)
		: undefined;
	const viaSchool = scope.schoolId ? eq(schoolClass.schoolId, scope.schoolId) : undefined;
	return or(viaHousehold, viaSchool) ?? eq(classStudent.userId, -1);
}
