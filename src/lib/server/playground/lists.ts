import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '$lib/server/db/client';
import {
	collectionPoint,
	collectionPointPlayground,
	contribution,
	household,
	playground,
	playgroundComponent,
	schoolClass,
	user
} from '$lib/server/db/schema';
import { sharedCredit, type Credit } from '$lib/server/access/visibility';

const student = alias(user, 'student');
const recorder = alias(user, 'recorder');

function contributionColumns() {
	return {
		id: contribution.id,
		localDay: contribution.localDay,
		createdAt: contribution.createdAt,
		decidedAt: contribution.decidedAt,
		status: contribution.status,
		reason: contribution.reason,
		material: contribution.material,
		grams: contribution.grams,
		gramsEstimated: contribution.gramsEstimated,
		itemCount: contribution.itemCount,
		volumeMl: contribution.volumeMl,
		points: contribution.points,
		componentId: contribution.componentId,
		componentName: playgroundComponent.name,
		playgroundId: contribution.playgroundId,
		playgroundName: playground.name,
		pointId: contribution.pointId,
		pointName: collectionPoint.name,
		householdName: household.displayName,
		studentNickname: student.nickname,
		className: schoolClass.name,
		recordedByNickname: recorder.nickname
	};
}

function baseQuery(db: DbOrTx) {
	return db
		.select(contributionColumns())
		.from(contribution)
		.innerJoin(playground, eq(playground.id, contribution.playgroundId))
		.innerJoin(collectionPoint, eq(collectionPoint.id, contribution.pointId))
		.leftJoin(playgroundComponent, eq(playgroundComponent.id, contribution.componentId))
		.leftJoin(household, eq(household.id, contribution.householdId))
		.leftJoin(student, eq(student.id, contribution.studentId))
		.leftJoin(schoolClass, eq(schoolClass.id, contribution.classId))
		.leftJoin(recorder, eq(recorder.id, contribution.recordedBy));
}

/** Rows as a signed-in page may show them: a child with their class, or a household, never both. */
async function shaped<R extends Credit>(rows: Promise<R[]>): Promise<R[]> {
	return (await rows).map((r) => ({ ...r, ...sharedCredit(r) }));
}

export type ContributionListRow = Awaited<ReturnType<typeof listHouseholdContributions>>[number];

/** A point's drop-offs decided or recorded on one local day (the steward's "today"). */
export async function listPointDay(db: DbOrTx, pointId: number, day: string) {
	return shaped(
		baseQuery(db)
			.where(
				and(
					eq(contribution.pointId, pointId),
					eq(contribution.localDay, day),
					inArray(contribution.status, ['confirmed', 'voided', 'rejected'])
				)
			)
			.orderBy(desc(contribution.id))
	);
}

/**
 * One drop-off at a point, as the steward's confirmation shows it (who, how much, points), or null
 * when it is not this point's.
 */
export async function findPointContribution(db: DbOrTx, pointId: number, contributionId: number) {
	const [row] = await shaped(
		baseQuery(db).where(and(eq(contribution.pointId, pointId), eq(contribution.id, contributionId)))
	);
	if (!row) return null;
	const [{ announcedBy }] = await db
		.select({ announcedBy: contribution.announcedBy })
		.from(contribution)
		.where(eq(contribution.id, contributionId));
	return { ...row, wasAnnounced: announcedBy !== null };
}

/** Drop-offs announced at a point and waiting for the steward. */
export async function listAnnounced(db: DbOrTx, pointId: number) {
	return shaped(
		baseQuery(db)
			.where(and(eq(contribution.pointId, pointId), eq(contribution.status, 'announced')))
			.orderBy(asc(contribution.id))
	);
}

/** A household's drop-offs (announced and decided), newest first. */
export async function listHouseholdContributions(db: DbOrTx, householdId: number, limit = 30) {
	return shaped(
		baseQuery(db).where(eq(contribution.householdId, householdId)).orderBy(desc(contribution.id)).limit(limit)
	);
}

/** Every drop-off at these points, oldest first, for the CSV export. */
export async function listForExport(db: DbOrTx, pointIds: number[]) {
	if (pointIds.length === 0) return [];
	return shaped(
		baseQuery(db).where(inArray(contribution.pointId, pointIds)).orderBy(asc(contribution.id)).limit(50_000)
	);
}

/** Totals of a day's list: confirmed drop-offs only. */
export function dayTotals(rows: { status: string; grams: number; points: number }[]) {
	const confirmed = rows.filter((r) => r.status === 'confirmed');
	return {
		count: confirmed.length,
		grams: confirmed.reduce((s, r) => s + r.grams, 0),
		points: confirmed.reduce((s, r) => s + r.points, 0)
	};
}

/** Where drop-offs can go now: every (point, playground) pair of a playground that is collecting. */
export async function openDropOffTargets(db: DbOrTx) {
	return db
		.select({
			playgroundId: playground.id,
			playgroundName: playground.name,
			pointId: collectionPoint.id,
			pointName: collectionPoint.name,
			openingHours: collectionPoint.openingHours
		})
		.from(collectionPointPlayground)
		.innerJoin(playground, eq(playground.id, collectionPointPlayground.playgroundId))
		.innerJoin(collectionPoint, eq(collectionPoint.id, collectionPointPlayground.pointId))
		.where(eq(playground.state, 'collecting'))
		.orderBy(asc(playground.name), asc(collectionPoint.name));
}
