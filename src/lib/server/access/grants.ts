import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { classStudent, userRole } from '$lib/server/db/schema';
import { activeAdultCount, classOfStudent, isClassTeacher } from './membership';
import { relationToHousehold, type Viewer } from './relations';

/**
 * Who may grant which right to whom. Every right comes from a relation someone who already held a
 * right granted (DESIGN.md, "Who may see and do what"); each rule below is the only place its
 * check is written, and every form or code that grants the right calls it.
 */

export type GrantRefusal = 'trust.grant.studentAccount' | 'trust.grant.self' | 'trust.grant.notStudent';
export type GrantCheck = { ok: true } | { ok: false; error: GrantRefusal };

const allowed: GrantCheck = { ok: true };
const refuse = (error: GrantRefusal): GrantCheck => ({ ok: false, error });

/**
 * Whether an account is a student's (a child's): made from a class code or a roster. It holds the
 * student role or sits in a class; either is enough, so a half-repaired account still counts.
 */
export async function isStudentAccount(db: DbOrTx, userId: number): Promise<boolean> {
	const [role] = await db
		.select({ x: userRole.userId })
		.from(userRole)
		.where(and(eq(userRole.userId, userId), eq(userRole.role, 'student')));
	if (role) return true;
	const [seat] = await db
		.select({ x: classStudent.userId })
		.from(classStudent)
		.where(eq(classStudent.userId, userId));
	return !!seat;
}

/** Which of these accounts are students' (to leave children out of what an outsider sees). */
export async function studentAccountIds(db: DbOrTx, userIds: (number | null)[]): Promise<Set<number>> {
	const ids = [...new Set(userIds.filter((id): id is number => id !== null))];
	if (ids.length === 0) return new Set();
	const rows = await db
		.selectDistinct({ id: userRole.userId })
		.from(userRole)
		.where(and(inArray(userRole.userId, ids), eq(userRole.role, 'student')));
	const seats = await db
		.select({ id: classStudent.userId })
		.from(classStudent)
		.where(inArray(classStudent.userId, ids));
	return new Set([...rows, ...seats].map((r) => r.id));
}

const adultsOnly = async (db: DbOrTx, userId: number): Promise<GrantCheck> =>
	(await isStudentAccount(db, userId)) ? refuse('trust.grant.studentAccount') : allowed;

/** Teacher of a school (an organiser's invite) or co-teacher of a class: adults only. */
export function checkTeacherGrant(db: DbOrTx, userId: number): Promise<GrantCheck> {
	return adultsOnly(db, userId);
}

/** Steward of a collection point or a neighbourhood (named by an organiser): adults only. */
export function checkStewardGrant(db: DbOrTx, userId: number): Promise<GrantCheck> {
	return adultsOnly(db, userId);
}

/**
 * Adult of a household (its creator, an approved request, or a recovery): adults only. A student
 * asking with the code becomes a student member instead.
 */
export function checkHouseholdAdultGrant(db: DbOrTx, userId: number): Promise<GrantCheck> {
	return adultsOnly(db, userId);
}

/**
 * Guardian of a child (a parent code from the child's teacher, or the teacher's own link): an
 * adult account, not the child, and the child must be a student account.
 */
export async function checkGuardianGrant(
	db: DbOrTx,
	guardianId: number,
	studentId: number
): Promise<GrantCheck> {
	if (guardianId === studentId) return refuse('trust.grant.self');
	if (!(await isStudentAccount(db, studentId))) return refuse('trust.grant.notStudent');
	return adultsOnly(db, guardianId);
}

/**
 * Who may print a child's parent letter, link a parent they know or remove a link: a teacher of
 * the child's current class.
 */
export async function mayManageGuardians(db: DbOrTx, teacherId: number, studentId: number): Promise<boolean> {
	const cls = await classOfStudent(db, studentId);
	return !!cls && (await isClassTeacher(db, teacherId, cls.classId));
}

/**
 * Who may approve or decline a request to join a household: an approved adult of it ('member');
 * when no adult is left, its neighbourhood's steward or an organiser ('recovery'); else nobody.
 */
export async function mayDecideHouseholdRequest(
	db: DbOrTx,
	approver: Viewer,
	householdId: number
): Promise<'member' | 'recovery' | null> {
	const relation = await relationToHousehold(db, approver, householdId);
	if (relation === 'adult') return 'member';
	if (relation !== 'steward' && relation !== 'organiser') return null;
	return (await activeAdultCount(db, householdId)) === 0 ? 'recovery' : null;
}
