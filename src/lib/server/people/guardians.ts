import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	classStudent,
	guardianLink,
	household,
	householdMember,
	ledgerEntry,
	pledge,
	schoolClass,
	user
} from '$lib/server/db/schema';
import { toCsv } from '$lib/utils/csv';
import { checkGuardianGrant, mayManageGuardians, type GrantRefusal } from '$lib/server/access/grants';
import { normaliseUsername } from './accounts';

/** The children a guardian is linked to (their real names: the guardian may read them). */
export async function listChildren(db: DbOrTx, guardianId: number) {
	return db
		.select({ id: user.id, nickname: user.nickname, displayName: user.displayName })
		.from(guardianLink)
		.innerJoin(user, eq(user.id, guardianLink.studentId))
		.where(eq(guardianLink.guardianId, guardianId))
		.orderBy(asc(user.displayName));
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
			sourceId: ledgerEntry.sourceId,
			reverses: ledgerEntry.reverses,
			reason: ledgerEntry.reason
		})
		.from(ledgerEntry)
		.where(eq(ledgerEntry.personId, studentId))
		.orderBy(asc(ledgerEntry.id));
	// The child's own words (a custom item's name) are theirs too: shown, exported, erased.
	const pledges = await db
		.select({
			id: pledge.id,
			item: pledge.item,
			customName: pledge.customName,
			startDay: pledge.startDay,
			endDay: pledge.endDay
		})
		.from(pledge)
		.where(eq(pledge.userId, studentId))
		.orderBy(asc(pledge.id));
	return { profile, class: cls ?? null, household: hh ?? null, entries, pledges };
}

export type ChildData = NonNullable<Awaited<ReturnType<typeof childData>>>;

/**
 * The child's ledger entries as CSV, preceded by their profile as key/value rows. `what` names each
 * entry in the guardian's language, as the child page does (see child-entries.ts).
 */
export function childCsv(data: ChildData, what: Map<number, string>): string {
	const rows: unknown[][] = [
		['username', data.profile.username],
		['real_name', data.profile.displayName],
		['nickname', data.profile.nickname],
		['class', data.class ? `${data.class.name} (${data.class.schoolYear})` : ''],
		['household', data.household?.name ?? ''],
		[],
		['entry_id', 'local_day', 'points', 'grams_avoided', 'grams_collected', 'source', 'what', 'reason'],
		...data.entries.map((e) => [
			e.id,
			e.localDay,
			e.points,
			e.gramsAvoided,
			e.gramsCollected,
			e.sourceKind,
			what.get(e.id) ?? '',
			e.reason
		]),
		[],
		['pledge_id', 'item', 'custom_name', 'start_day', 'end_day'],
		...data.pledges.map((p) => [p.id, p.item, p.customName ?? '', p.startDay, p.endDay])
	];
	return toCsv(['field', 'value'], rows);
}

/** Each student of a class with their linked guardians, for the class's teachers. */
export async function classGuardians(db: DbOrTx, classId: number) {
	const students = await db
		.select({ id: user.id, displayName: user.displayName, nickname: user.nickname })
		.from(classStudent)
		.innerJoin(user, eq(user.id, classStudent.userId))
		.where(eq(classStudent.classId, classId))
		.orderBy(asc(user.displayName));
	if (students.length === 0) return [];
	const links = await db
		.select({
			studentId: guardianLink.studentId,
			guardianId: user.id,
			displayName: user.displayName,
			nickname: user.nickname,
			via: guardianLink.via,
			createdAt: guardianLink.createdAt
		})
		.from(guardianLink)
		.innerJoin(user, eq(user.id, guardianLink.guardianId))
		.where(
			inArray(
				guardianLink.studentId,
				students.map((s) => s.id)
			)
		)
		.orderBy(asc(guardianLink.createdAt));
	return students.map((s) => ({ ...s, guardians: links.filter((l) => l.studentId === s.id) }));
}

export type TeacherLinkResult =
	| { ok: true; already: boolean }
	| { ok: false; error: 'trust.guardians.notYourStudent' | 'trust.guardians.unknownAdult' | GrantRefusal };

/** A teacher of the child's class links an adult they know (found by e-mail or username) as guardian. */
export async function linkGuardianByTeacher(
	db: DbOrTx,
	teacherId: number,
	studentId: number,
	who: string
): Promise<TeacherLinkResult> {
	if (!(await mayManageGuardians(db, teacherId, studentId)))
		return { ok: false, error: 'trust.guardians.notYourStudent' };
	const [adult] = await db
		.select({ id: user.id })
		.from(user)
		.where(eq(user.username, normaliseUsername(who)));
	if (!adult) return { ok: false, error: 'trust.guardians.unknownAdult' };
	const grant = await checkGuardianGrant(db, adult.id, studentId);
	if (!grant.ok) return grant;
	const rows = await db
		.insert(guardianLink)
		.values({ guardianId: adult.id, studentId, via: 'teacher' })
		.onConflictDoNothing()
		.returning({ id: guardianLink.studentId });
	return { ok: true, already: rows.length === 0 };
}

/** A teacher of the child's class removes a guardian link; false when there was none to remove. */
export async function unlinkGuardian(
	db: DbOrTx,
	teacherId: number,
	studentId: number,
	guardianId: number
): Promise<boolean> {
	if (!(await mayManageGuardians(db, teacherId, studentId))) return false;
	const rows = await db
		.delete(guardianLink)
		.where(and(eq(guardianLink.studentId, studentId), eq(guardianLink.guardianId, guardianId)))
		.returning({ id: guardianLink.studentId });
	return rows.length > 0;
}
