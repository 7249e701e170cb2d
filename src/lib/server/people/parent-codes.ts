import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { classStudent, guardianLink, parentCode, school, schoolClass, user } from '$lib/server/db/schema';
import { firstFree, generateCode, isWellFormedCode, normaliseCode } from '$lib/server/community/codes';
import { checkGuardianGrant, mayManageGuardians, type GrantRefusal } from '$lib/server/access/grants';
import { isClassStudent } from '$lib/server/access/membership';

/**
 * Parent letters: the child's teacher prints a letter with a one-use code (and its QR); the adult
 * who types it becomes the child's guardian. Reissuing replaces the code; codes expire.
 */

const PARENT_CODE_LENGTH = 10;
export const PARENT_CODE_DAYS = 30;

const open = (now: Date) =>
	and(isNull(parentCode.usedBy), isNull(parentCode.revokedAt), gt(parentCode.expiresAt, now));

/** Replaces the student's open code (if any) with a new one; null when the student is not in the class. */
export async function issueParentCode(
	db: DbOrTx,
	input: { classId: number; studentId: number; teacherId: number },
	now = new Date()
): Promise<{ code: string; expiresAt: Date } | null> {
	return db.transaction(async (tx) => {
		if (!(await isClassStudent(tx, input.studentId, input.classId))) return null;
		if (!(await mayManageGuardians(tx, input.teacherId, input.studentId))) return null;
		return replaceCode(tx, input, now);
	});
}

async function replaceCode(
	tx: DbOrTx,
	input: { classId: number; studentId: number; teacherId: number },
	now: Date
): Promise<{ code: string; expiresAt: Date }> {
	await tx
		.update(parentCode)
		.set({ revokedAt: now })
		.where(
			and(eq(parentCode.studentId, input.studentId), isNull(parentCode.usedBy), isNull(parentCode.revokedAt))
		);
	const expiresAt = new Date(now.getTime() + PARENT_CODE_DAYS * 86_400_000);
	return firstFree(async () => {
		const code = generateCode(PARENT_CODE_LENGTH);
		const rows = await tx
			.insert(parentCode)
			.values({ ...input, createdBy: input.teacherId, code, createdAt: now, expiresAt })
			.onConflictDoNothing()
			.returning({ id: parentCode.id });
		return rows.length ? { code, expiresAt } : undefined;
	});
}

/** A code for every student of the class who has no open one yet; returns how many were made. */
export async function issueMissingParentCodes(
	db: DbOrTx,
	classId: number,
	teacherId: number,
	now = new Date()
): Promise<number> {
	return db.transaction(async (tx) => {
		const students = await tx
			.select({ id: classStudent.userId })
			.from(classStudent)
			.where(eq(classStudent.classId, classId));
		const withCode = new Set(
			(
				await tx
					.select({ id: parentCode.studentId })
					.from(parentCode)
					.where(and(eq(parentCode.classId, classId), open(now)))
			).map((r) => r.id)
		);
		let made = 0;
		for (const s of students) {
			if (withCode.has(s.id)) continue;
			await replaceCode(tx, { classId, studentId: s.id, teacherId }, now);
			made++;
		}
		return made;
	});
}

/** The printable letters of a class (every open code, or one student's), with what each letter says. */
export async function parentLetters(db: DbOrTx, classId: number, now = new Date(), studentId?: number) {
	return db
		.select({
			studentId: user.id,
			displayName: user.displayName,
			nickname: user.nickname,
			code: parentCode.code,
			expiresAt: parentCode.expiresAt,
			className: schoolClass.name,
			schoolName: school.name
		})
		.from(parentCode)
		.innerJoin(user, eq(user.id, parentCode.studentId))
		.innerJoin(classStudent, and(eq(classStudent.userId, user.id), eq(classStudent.classId, classId)))
		.innerJoin(schoolClass, eq(schoolClass.id, classId))
		.innerJoin(school, eq(school.id, schoolClass.schoolId))
		.where(
			and(
				eq(parentCode.classId, classId),
				open(now),
				studentId ? eq(parentCode.studentId, studentId) : undefined
			)
		)
		.orderBy(asc(user.displayName));
}

export type RedeemParentCodeError =
	| 'trust.parentCode.bad'
	| 'trust.parentCode.replaced'
	| 'trust.parentCode.used'
	| 'trust.parentCode.expired'
	| GrantRefusal;

export type RedeemParentCodeResult =
	| { ok: true; studentId: number; nickname: string; already: boolean }
	| { ok: false; error: RedeemParentCodeError };

/**
 * Redeems a parent code: the adult becomes the child's guardian, once. The same adult typing it
 * again changes nothing; anyone else, or a replaced or expired code, is refused with why.
 */
export async function redeemParentCode(
	db: DbOrTx,
	guardianId: number,
	raw: string,
	now = new Date()
): Promise<RedeemParentCodeResult> {
	const code = normaliseCode(raw);
	if (!isWellFormedCode(code, PARENT_CODE_LENGTH, PARENT_CODE_LENGTH))
		return { ok: false, error: 'trust.parentCode.bad' };
	return db.transaction(async (tx): Promise<RedeemParentCodeResult> => {
		const [row] = await tx
			.select({
				id: parentCode.id,
				studentId: parentCode.studentId,
				classId: parentCode.classId,
				expiresAt: parentCode.expiresAt,
				usedBy: parentCode.usedBy,
				revokedAt: parentCode.revokedAt,
				nickname: user.nickname
			})
			.from(parentCode)
			.innerJoin(user, eq(user.id, parentCode.studentId))
			.where(eq(parentCode.code, code));
		if (!row) return { ok: false, error: 'trust.parentCode.bad' };
		const done = { ok: true as const, studentId: row.studentId, nickname: row.nickname };
		if (row.usedBy === guardianId) return { ...done, already: true };
		if (row.usedBy) return { ok: false, error: 'trust.parentCode.used' };
		// A replaced code, or one for a child who has since left the class, no longer works.
		if (row.revokedAt || !(await isClassStudent(tx, row.studentId, row.classId)))
			return { ok: false, error: 'trust.parentCode.replaced' };
		if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, error: 'trust.parentCode.expired' };
		const grant = await checkGuardianGrant(tx, guardianId, row.studentId);
		if (!grant.ok) return grant;
		const taken = await tx
			.update(parentCode)
			.set({ usedBy: guardianId, usedAt: now })
			.where(and(eq(parentCode.id, row.id), isNull(parentCode.usedBy)))
			.returning({ id: parentCode.id });
		if (!taken.length) return { ok: false, error: 'trust.parentCode.used' };
		const linked = await tx
			.insert(guardianLink)
			.values({ guardianId, studentId: row.studentId, via: 'code', createdAt: now })
			.onConflictDoNothing()
			.returning({ id: guardianLink.studentId });
		return { ...done, already: linked.length === 0 };
	});
}
