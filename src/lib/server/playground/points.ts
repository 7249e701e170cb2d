import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	collectionPoint,
	collectionPointNeighbourhood,
	collectionPointPlayground,
	collectionPointSteward,
	neighbourhood,
	playground,
	user
} from '$lib/server/db/schema';
import type { CollectionPointInput } from '$lib/schemas/playground';
import { pointsStewardedBy } from '$lib/server/access/stewards';
import { checkStewardGrant, type GrantRefusal } from '$lib/server/access/grants';
import { grantRole } from '$lib/server/people/accounts';

export type PointRow = typeof collectionPoint.$inferSelect;

/** The collection points a user stewards, each with the playgrounds it feeds. */
export async function listStewardPoints(db: DbOrTx, userId: number) {
	const points = await pointsStewardedBy(db, userId);
	const feeds = await playgroundsForPoints(
		db,
		points.map((p) => p.id)
	);
	return points.map((p) => ({ ...p, playgrounds: feeds.filter((f) => f.pointId === p.id) }));
}

/** The playgrounds fed by these points (id, name, state), one row per (point, playground). */
async function playgroundsForPoints(db: DbOrTx, pointIds: number[]) {
	if (pointIds.length === 0) return [];
	return db
		.select({
			pointId: collectionPointPlayground.pointId,
			id: playground.id,
			name: playground.name,
			state: playground.state
		})
		.from(collectionPointPlayground)
		.innerJoin(playground, eq(playground.id, collectionPointPlayground.playgroundId))
		.where(inArray(collectionPointPlayground.pointId, pointIds))
		.orderBy(asc(playground.name));
}

/** Whether a collection point feeds a playground. */
export async function pointFeeds(db: DbOrTx, pointId: number, playgroundId: number): Promise<boolean> {
	const [row] = await db
		.select({ x: collectionPointPlayground.pointId })
		.from(collectionPointPlayground)
		.where(
			and(
				eq(collectionPointPlayground.pointId, pointId),
				eq(collectionPointPlayground.playgroundId, playgroundId)
			)
		);
	return !!row;
}

/** The collection points feeding a playground, with their stewards' nicknames. */
export async function pointsForPlayground(db: DbOrTx, playgroundId: number) {
	const points = await db
		.select({
			id: collectionPoint.id,
			name: collectionPoint.name,
			kind: collectionPoint.kind,
			openingHours: collectionPoint.openingHours,
			address: collectionPoint.address
		})
		.from(collectionPointPlayground)
		.innerJoin(collectionPoint, eq(collectionPoint.id, collectionPointPlayground.pointId))
		.where(eq(collectionPointPlayground.playgroundId, playgroundId))
		.orderBy(asc(collectionPoint.name));
	if (points.length === 0) return [];
	const stewards = await db
		.select({
			pointId: collectionPointSteward.pointId,
			userId: user.id,
			nickname: user.nickname,
			username: user.username
		})
		.from(collectionPointSteward)
		.innerJoin(user, eq(user.id, collectionPointSteward.userId))
		.where(
			inArray(
				collectionPointSteward.pointId,
				points.map((p) => p.id)
			)
		);
	return points.map((p) => ({ ...p, stewards: stewards.filter((s) => s.pointId === p.id) }));
}

/** Every collection point (for an organiser linking an existing one to another playground). */
export async function listAllPoints(db: DbOrTx) {
	return db
		.select({ id: collectionPoint.id, name: collectionPoint.name, kind: collectionPoint.kind })
		.from(collectionPoint)
		.orderBy(asc(collectionPoint.name));
}

/** Creates a collection point in the playground's area and links it to the playground. */
export async function createCollectionPoint(
	db: DbOrTx,
	playgroundId: number,
	input: CollectionPointInput
): Promise<PointRow | null> {
	const [pg] = await db
		.select({ areaId: playground.areaId })
		.from(playground)
		.where(eq(playground.id, playgroundId));
	if (!pg) return null;
	const [row] = await db
		.insert(collectionPoint)
		.values({
			name: input.name,
			kind: input.kind,
			openingHours: input.openingHours,
			address: input.address,
			areaId: pg.areaId,
			schoolId: input.schoolId ?? null,
			neighbourhoodId: input.neighbourhoodId ?? null
		})
		.returning();
	await db.insert(collectionPointPlayground).values({ pointId: row.id, playgroundId });
	// A point in a neighbourhood serves it: its stewards may find its households by name.
	if (row.neighbourhoodId)
		await db
			.insert(collectionPointNeighbourhood)
			.values({ pointId: row.id, neighbourhoodId: row.neighbourhoodId });
	return row;
}

/** Links an existing point to a playground (idempotent). */
export async function linkPoint(db: DbOrTx, pointId: number, playgroundId: number): Promise<boolean> {
	const [p] = await db
		.select({ id: collectionPoint.id })
		.from(collectionPoint)
		.where(eq(collectionPoint.id, pointId));
	if (!p) return false;
	await db.insert(collectionPointPlayground).values({ pointId, playgroundId }).onConflictDoNothing();
	return true;
}

export type AddStewardResult =
	| { ok: true; userId: number }
	| { ok: false; error: 'playground.steward.unknownUser' | 'playground.point.unknown' | GrantRefusal };

/** Makes an adult (by username or email) a steward of a point, granting the steward role if needed. */
export async function addSteward(db: DbOrTx, pointId: number, username: string): Promise<AddStewardResult> {
	const [p] = await db
		.select({ id: collectionPoint.id })
		.from(collectionPoint)
		.where(eq(collectionPoint.id, pointId));
	if (!p) return { ok: false, error: 'playground.point.unknown' };
	const [u] = await db
		.select({ id: user.id })
		.from(user)
		.where(eq(user.username, username.trim().toLowerCase()));
	if (!u) return { ok: false, error: 'playground.steward.unknownUser' };
	const grant = await checkStewardGrant(db, u.id);
	if (!grant.ok) return grant;
	await db.insert(collectionPointSteward).values({ pointId, userId: u.id }).onConflictDoNothing();
	await grantRole(db, u.id, 'steward');
	return { ok: true, userId: u.id };
}

/** The neighbourhoods a point serves (its stewards find their households and students by name). */
export async function servedNeighbourhoods(db: DbOrTx, pointIds: number[]) {
	if (pointIds.length === 0) return [];
	return db
		.select({
			pointId: collectionPointNeighbourhood.pointId,
			id: neighbourhood.id,
			name: neighbourhood.name
		})
		.from(collectionPointNeighbourhood)
		.innerJoin(neighbourhood, eq(neighbourhood.id, collectionPointNeighbourhood.neighbourhoodId))
		.where(inArray(collectionPointNeighbourhood.pointId, pointIds))
		.orderBy(asc(neighbourhood.name));
}

/** An organiser widens what a point serves by one neighbourhood (idempotent); false for unknown ids. */
export async function addServedNeighbourhood(
	db: DbOrTx,
	pointId: number,
	neighbourhoodId: number
): Promise<boolean> {
	const [p] = await db
		.select({ id: collectionPoint.id })
		.from(collectionPoint)
		.where(eq(collectionPoint.id, pointId));
	const [n] = await db
		.select({ id: neighbourhood.id })
		.from(neighbourhood)
		.where(eq(neighbourhood.id, neighbourhoodId));
	if (!p || !n) return false;
	await db.insert(collectionPointNeighbourhood).values({ pointId, neighbourhoodId }).onConflictDoNothing();
	return true;
}
