import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { idSchema } from '$lib/schemas/common';
import { requireUser } from '$lib/server/auth/guards';
import { getClassHeader, getHouseholdHeader } from '$lib/server/community/groups';
import { getClassAdmin } from '$lib/server/community/classes';
import { childData } from '$lib/server/people/guardians';
import { isStudentAccount } from './grants';
import {
	relationToChild,
	relationToClass,
	relationToHousehold,
	type ChildRelation,
	type ClassRelation,
	type HouseholdRelation
} from './relations';

/**
 * Route guards: each parses the id from the URL, authorises the signed-in user against the
 * access rules and returns what the page needs, in one call. 404 when there is no such thing,
 * 403 when the user has no allowed relation to it, the login page when nobody is signed in.
 */

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

function notFound(): never {
	error(404, { message: 'error.404' });
}
function forbidden(): never {
	error(403, { message: 'error.403' });
}

/** Parses a route or form id; a malformed one is a 404 (nothing by that name), never a 500. */
export function parseId(raw: string | undefined | null): number {
	const parsed = idSchema.safeParse(raw);
	if (!parsed.success) notFound();
	return parsed.data;
}

/**
 * The class in the URL (`classId`, or another `param`) with its school, for a user related to it
 * in one of `allowed` ways.
 */
export async function requireClass(event: Event, allowed: readonly ClassRelation[], param = 'classId') {
	const user = requireUser(event);
	const classId = parseId((event.params as Record<string, string | undefined>)[param]);
	const db = await getDb();
	const cls = (await getClassHeader(db, classId)) ?? notFound();
	const relation = await relationToClass(db, user, classId);
	if (!relation || !allowed.includes(relation)) forbidden();
	return { db, user, classId, cls, relation };
}

/** The class in the URL with its join code and settings, for its teachers only (the roster pages). */
export async function requireClassTeacher(event: Event) {
	const user = requireUser(event);
	const classId = parseId(event.params.classId);
	const db = await getDb();
	const cls = (await getClassAdmin(db, classId)) ?? notFound();
	if ((await relationToClass(db, user, classId)) !== 'teacher') forbidden();
	return { db, user, classId, cls };
}

/** The household in the URL (`householdId`) with its neighbourhood, for a user related to it in one of `allowed` ways. */
export async function requireHousehold(event: Event, allowed: readonly HouseholdRelation[]) {
	const user = requireUser(event);
	const householdId = parseId(event.params.householdId);
	const db = await getDb();
	const household = (await getHouseholdHeader(db, householdId)) ?? notFound();
	const relation = await relationToHousehold(db, user, householdId);
	if (!relation || !allowed.includes(relation)) forbidden();
	return { db, user, householdId, household, relation };
}

/** The signed-in user if theirs is an adult account (a student's account holds no adult page). */
export async function requireAdult(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireUser(event);
	const db = await getDb();
	if (await isStudentAccount(db, user.id)) forbidden();
	return { db, user };
}

/**
 * The child in the URL (`studentId`) with everything held about them, for a user related to them
 * in one of `allowed` ways (the child's own data pages are for linked guardians).
 */
export async function requireChild(event: Event, allowed: readonly ChildRelation[] = ['guardian']) {
	const user = requireUser(event);
	const studentId = parseId(event.params.studentId);
	const db = await getDb();
	const child = (await childData(db, studentId)) ?? notFound();
	const relation = await relationToChild(db, user.id, studentId);
	if (!relation || !allowed.includes(relation)) forbidden();
	return { db, user, studentId, child, relation };
}
