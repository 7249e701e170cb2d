import { error, type RequestEvent } from '@sveltejs/kit';
import type { Db } from '$lib/server/db/client';
import { idSchema } from '$lib/schemas/common';
import {
	classExists,
	householdExists,
	relationToClass,
	relationToHousehold,
	type ClassRelation,
	type HouseholdRelation
} from '$lib/server/access/membership';
import { requireUser } from './guards';
import type { SessionUser } from './session';

type Event = Pick<RequestEvent, 'locals' | 'url'>;

/** Parses a route or form id; a malformed one is a 404 (nothing by that name), never a 500. */
export function parseId(raw: string | undefined | null): number {
	const parsed = idSchema.safeParse(raw);
	if (!parsed.success) error(404, { message: 'error.404' });
	return parsed.data;
}

/**
 * The signed-in user and their relation to the class, when it is one of `allowed`:
 * 404 when the class does not exist, 403 when the user has no allowed relation to it.
 */
export async function requireClassAccess(
	event: Event,
	db: Db,
	classId: number,
	allowed: ClassRelation[]
): Promise<{ user: SessionUser; relation: ClassRelation }> {
	const user = requireUser(event);
	if (!(await classExists(db, classId))) error(404, { message: 'error.404' });
	const relation = await relationToClass(db, user, classId);
	if (!relation || !allowed.includes(relation)) error(403, { message: 'error.403' });
	return { user, relation };
}

/** Like `requireClassAccess`, for a household. */
export async function requireHouseholdAccess(
	event: Event,
	db: Db,
	householdId: number,
	allowed: HouseholdRelation[]
): Promise<{ user: SessionUser; relation: HouseholdRelation }> {
	const user = requireUser(event);
	if (!(await householdExists(db, householdId))) error(404, { message: 'error.404' });
	const relation = await relationToHousehold(db, user, householdId);
	if (!relation || !allowed.includes(relation)) error(403, { message: 'error.403' });
	return { user, relation };
}
