import { alias } from 'drizzle-orm/sqlite-core';
import { and, asc, eq, notExists } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	classStudent,
	guardianLink,
	household,
	householdMember,
	ledgerEntry,
	schoolClass,
	user
} from '$lib/server/db/schema';
import { toCsv } from '$lib/utils/csv';

/** Students in a household where the guardian is an active adult, not yet linked to them. */
export async function linkableChildren(db: DbOrTx, guardianId: number) {
	const me = alias(householdMember, 'me');
	return db
		.select({ id: user.id, nickname: user.nickname, displayName: user.displayName })
		.from(me)
		.innerJoin(
			householdMember,
			and(
				eq(householdMember.householdId, me.householdId),
				eq(householdMember.kind, 'student'),
				eq(householdMember.status, 'active')
			)
		)
		.innerJoin(user, eq(user.id, householdMember.userId))
		.where(
			and(
				eq(me.userId, guardianId),
				eq(me.kind, 'adult'),
				eq(me.status, 'active'),
				notExists(
					db
						.select({ x: guardianLink.studentId })
						.from(guardianLink)
						.where(
							and(eq(guardianLink.guardianId, guardianId), eq(guardianLink.studentId, householdMember.userId))
						)
				)
			)
		);
}

/**
 * Links a guardian to a child of their own household (a student whose link an adult approved).
 * Anyone else's child is refused.
 */
export async function linkChild(db: DbOrTx, guardianId: number, studentId: number): Promise<boolean> {
	const candidates = await linkableChildren(db, guardianId);
	if (!candidates.some((c) => c.id === studentId)) return false;
	await db.insert(guardianLink).values({ guardianId, studentId }).onConflictDoNothing();
	return true;
}

export async function listChildren(db: DbOrTx, guardianId: number) {
	return db
		.select({ id: user.id, nickname: user.nickname, displayName: user.displayName })
		.from(guardianLink)
		.innerJoin(user, eq(user.id, guardianLink.studentId))
		.where(eq(guardianLink.guardianId, guardianId))
		.orderBy(asc(user.displayName));
}

export async function isGuardianOf(db: DbOrTx, guardianId: number, studentId: number): Promise<boolean> {
	const [row] = await db
		.select({ x: guardianLink.studentId })
		.from(guardianLink)
		.where(and(eq(guardianLink.guardianId, guardianId), eq(guardianLink.studentId, studentId)));
	return !!row;
}

/** Everything the app holds about a child, as their guardian may see and export it. */
export async function childData(db: DbOrTx, studentId: number) {
	const [profile] = await db
		.select({
			id: user.id,
			username: user.username,
			displayName: user.displayName,
			nickname: user.nickname,
			locale: user.locale,
			createdAt: user.createdAt
		})
		.from(user)
		.where(eq(user.id, studentId));
	if (!profile) return null;
	const [cls] = await db
		.select({ name: schoolClass.name, schoolYear: schoolClass.schoolYear })
		.from(classStudent)
		.innerJoin(schoolClass, eq(schoolClass.id, classStudent.classId))
		.where(eq(classStudent.userId, studentId));
	const [hh] = await db
		.select({ name: household.displayName, status: householdMember.status })
		.from(householdMember)
		.innerJoin(household, eq(household.id, householdMember.householdId))
		.where(eq(householdMember.userId, studentId));
	const entries = await db
		.select({
			id: ledgerEntry.id,
			localDay: ledgerEntry.localDay,
			points: ledgerEntry.points,
			gramsAvoided: ledgerEntry.gramsAvoided,
			gramsCollected: ledgerEntry.gramsCollected,
			sourceKind: ledgerEntry.sourceKind,
			reason: ledgerEntry.reason
		})
		.from(ledgerEntry)
		.where(eq(ledgerEntry.personId, studentId))
		.orderBy(asc(ledgerEntry.id));
	return { profile, class: cls ?? null, household: hh ?? null, entries };
}

export type ChildData = NonNullable<Awaited<ReturnType<typeof childData>>>;

/** The child's ledger entries as CSV, preceded by their profile as key/value rows. */
export function childCsv(data: ChildData): string {
	const rows: unknown[][] = [
		['username', data.profile.username],
		['real_name', data.profile.displayName],
		['nickname', data.profile.nickname],
		['class', data.class ? `${data.class.name} (${data.class.schoolYear})` : ''],
		['household', data.household?.name ?? ''],
		[],
		['entry_id', 'local_day', 'points', 'grams_avoided', 'grams_collected', 'source', 'reason'],
		...data.entries.map((e) => [
			e.id,
			e.localDay,
			e.points,
			e.gramsAvoided,
			e.gramsCollected,
			e.sourceKind,
			e.reason
		])
	];
	return toCsv(['field', 'value'], rows);
}
