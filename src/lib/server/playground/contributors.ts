import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { classStudent, household, neighbourhood, schoolClass, user } from '$lib/server/db/schema';
import { getMemberships } from '$lib/server/access/membership';
import {
	householdInScope,
	stewardScope,
	studentInScope,
	type StewardScope
} from '$lib/server/access/stewards';
import { cardNumberFrom, findCard } from '$lib/server/people/cards';

/**
 * Who brought a drop-off. A steward identifies them by a drop-off card (household or student;
 * valid at any point, because it only credits) or by name, among the households and students of
 * what their point serves. A join code or a login name identifies nobody here.
 */

export type Contributor =
	| { kind: 'household'; householdId: number; label: string }
	| { kind: 'student'; studentId: number; householdId: number | null; classId: number | null; label: string };

export interface Candidate {
	pick: string;
	label: string;
}

export type ResolveResult =
	| { ok: true; contributor: Contributor }
	| { ok: false; error: 'playground.error.unknownContributor' }
	| { ok: false; error: 'playground.error.ambiguousContributor'; candidates: Candidate[] };

const unknown = { ok: false, error: 'playground.error.unknownContributor' } as const;

/** A scanned card may be a URL or "prefix:number": keep its last segment. */
function lastSegment(raw: string): string {
	const trimmed = raw.trim();
	return (
		trimmed
			.split(/[/?=#:]/)
			.filter(Boolean)
			.pop() ?? trimmed
	).trim();
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A student (with their class; their household is credited too, but never named with them). */
async function studentContributor(db: DbOrTx, userId: number): Promise<Contributor | null> {
	const [u] = await db
		.select({ id: user.id, nickname: user.nickname, className: schoolClass.name })
		.from(classStudent)
		.innerJoin(user, eq(user.id, classStudent.userId))
		.innerJoin(schoolClass, eq(schoolClass.id, classStudent.classId))
		.where(eq(classStudent.userId, userId));
	if (!u) {
		// A student without a class yet still counts for their household.
		const m = await getMemberships(db, userId);
		return m.householdId ? householdContributor(db, m.householdId) : null;
	}
	const m = await getMemberships(db, u.id);
	return {
		kind: 'student',
		studentId: u.id,
		householdId: m.householdId,
		classId: m.classId,
		label: `${u.nickname} · ${u.className}`
	};
}

async function householdContributor(db: DbOrTx, householdId: number): Promise<Contributor | null> {
	const [h] = await db
		.select({ id: household.id, name: household.displayName, nb: neighbourhood.name })
		.from(household)
		.innerJoin(neighbourhood, eq(neighbourhood.id, household.neighbourhoodId))
		.where(eq(household.id, householdId));
	return h ? { kind: 'household', householdId: h.id, label: `${h.name} · ${h.nb}` } : null;
}

/** A candidate chosen from a search ("h:12", "u:34"), taken only if it is inside the point's scope. */
async function picked(db: DbOrTx, scope: StewardScope, pick: string): Promise<Contributor | null> {
	const [kind, raw] = pick.split(':');
	const id = Number(raw);
	if (kind === 'h') {
		const [h] = await db
			.select({ id: household.id })
			.from(household)
			.where(and(eq(household.id, id), householdInScope(scope)));
		return h ? householdContributor(db, h.id) : null;
	}
	const [s] = await db
		.select({ id: classStudent.userId })
		.from(classStudent)
		.innerJoin(schoolClass, eq(schoolClass.id, classStudent.classId))
		.where(and(eq(classStudent.userId, id), studentInScope(db, scope)));
	return s ? studentContributor(db, s.id) : null;
}

/** Households and students in scope whose name or nickname contains what was typed (6 of each at most). */
async function searchByName(db: DbOrTx, scope: StewardScope, typed: string): Promise<Candidate[]> {
	// SQLite's lower() folds ASCII only, so "Đình" is also matched as typed.
	const pattern = `%${likeEscape(typed.toLowerCase())}%`;
	const asTyped = `%${likeEscape(typed)}%`;
	const households = await db
		.select({ id: household.id, name: household.displayName, nb: neighbourhood.name })
		.from(household)
		.innerJoin(neighbourhood, eq(neighbourhood.id, household.neighbourhoodId))
		.where(
			and(
				householdInScope(scope),
				sql`(lower(${household.displayName}) like ${pattern} escape '\\' or ${household.displayName} like ${asTyped} escape '\\')`
			)
		)
		.limit(6);
	const students = await db
		.select({ id: user.id, nickname: user.nickname, className: schoolClass.name })
		.from(classStudent)
		.innerJoin(user, eq(user.id, classStudent.userId))
		.innerJoin(schoolClass, eq(schoolClass.id, classStudent.classId))
		.where(
			and(
				studentInScope(db, scope),
				sql`(lower(${user.nickname}) like ${pattern} escape '\\' or ${user.nickname} like ${asTyped} escape '\\')`
			)
		)
		.limit(6);
	return [
		...households.map((h) => ({ pick: `h:${h.id}`, label: `${h.name} · ${h.nb}` })),
		...students.map((s) => ({ pick: `u:${s.id}`, label: `${s.nickname} · ${s.className}` }))
	];
}

/**
 * Finds who brought a drop-off to `pointId` from what the steward typed or scanned: a drop-off
 * card number, or part of a household name or student nickname within the point's scope. Several
 * matches come back as candidates to pick from.
 */
export async function resolveContributor(
	db: DbOrTx,
	pointId: number,
	raw: string,
	pick?: string
): Promise<ResolveResult> {
	const scope = await stewardScope(db, pointId);
	if (pick) {
		const found = await picked(db, scope, pick);
		return found ? { ok: true, contributor: found } : unknown;
	}
	const typed = raw.trim();
	const card = cardNumberFrom(lastSegment(raw));
	if (card) {
		const holder = await findCard(db, card);
		const found = holder?.householdId
			? await householdContributor(db, holder.householdId)
			: holder?.userId
				? await studentContributor(db, holder.userId)
				: null;
		return found ? { ok: true, contributor: found } : unknown;
	}
	if (typed.length < 2) return unknown;
	const candidates = await searchByName(db, scope, typed);
	if (candidates.length === 1) return resolveContributor(db, pointId, '', candidates[0].pick);
	if (candidates.length === 0) return unknown;
	return { ok: false, error: 'playground.error.ambiguousContributor', candidates };
}
