import { and, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '$lib/server/db/client';
import { classStudent, passwordResetLog, schoolClass, session, user, userRole } from '$lib/server/db/schema';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { hasReceipt, once } from '$lib/server/db/receipts';
import type { JoinClassInput } from '$lib/schemas/structure';
import type { Locale } from '$lib/i18n/locales';
import { isWellFormedCode, normaliseCode } from '$lib/server/community/codes';
import { nicknameTakenInClass } from '$lib/server/community/classes';
import { sign } from '$lib/server/auth/secret';
import { passwordFrom } from './roster';
import { friendlyUsername } from './usernames';
import { issueCard } from './cards';

/** One message for a wrong, expired or replaced code, so a guess learns nothing about classes. */
export const BAD_CLASS_CODE = 'structure.code.bad';

/** The open class a join code belongs to, or null (unknown, replaced or archived alike). */
async function findClassByCode(db: DbOrTx, raw: string) {
	const code = normaliseCode(raw);
	if (!isWellFormedCode(code)) return null;
	const [row] = await db
		.select({ id: schoolClass.id, name: schoolClass.name, archivedAt: schoolClass.archivedAt })
		.from(schoolClass)
		.where(eq(schoolClass.joinCode, code));
	return row && !row.archivedAt ? row : null;
}

export type JoinResult =
	| { ok: true; userId: number; username: string; classId: number }
	| {
			ok: false;
			field: 'code' | 'nickname' | 'password';
			error: typeof BAD_CLASS_CODE | 'structure.nickname.takenInClass' | 'form.usedAlready';
	  };

/**
 * A new student account in the class whose code was typed: the student chose a nickname and a
 * password; the username is generated (never an e-mail) and shown to them once. The same form sent
 * again from the same device (a double tap) gives back the account it made, when the password
 * matches, instead of a second account or a "nickname taken".
 */
export async function joinClassByCode(
	db: Db,
	input: JoinClassInput,
	locale: Locale,
	device: { deviceHash: string }
): Promise<JoinResult> {
	if (!(await findClassByCode(db, input.code))) return { ok: false, field: 'code', error: BAD_CLASS_CODE };
	const passwordHash = await hashPassword(input.password);
	const res = await once(db, { actor: device, form: 'class.join', key: input.idempotencyKey }, async (tx) => {
		// Checked again inside the write: the code may have been rotated while we hashed.
		const again = await findClassByCode(tx, input.code);
		if (!again) return { ok: false, field: 'code', error: BAD_CLASS_CODE } as const;
		if (await nicknameTakenInClass(tx, again.id, input.nickname)) {
			return { ok: false, field: 'nickname', error: 'structure.nickname.takenInClass' } as const;
		}
		const username = await friendlyUsername(tx);
		const [row] = await tx
			.insert(user)
			.values({ username, displayName: input.displayName, nickname: input.nickname, passwordHash, locale })
			.returning({ id: user.id });
		await tx.insert(userRole).values({ userId: row.id, role: 'student' });
		await tx.insert(classStudent).values({ classId: again.id, userId: row.id });
		await issueCard(tx, { userId: row.id });
		return { ok: true, userId: row.id, username, classId: again.id } as const;
	});
	if (res.ok && res.replayed) {
		const [made] = await db.select({ hash: user.passwordHash }).from(user).where(eq(user.id, res.userId));
		if (!made || !(await verifyPassword(made.hash, input.password)))
			return { ok: false, field: 'password', error: 'form.usedAlready' };
	}
	return res;
}

/**
 * Gives a student of the class a new generated password (shown to the teacher), signs them out
 * everywhere and logs who did it. Null when the student is not in this class. The password is
 * derived from the form's idempotency key with the app's signing key, so the same form sent twice
 * resets once and shows the same password both times; it is never stored in clear.
 */
export async function resetStudentPassword(
	db: Db,
	classId: number,
	studentId: number,
	teacherId: number,
	key: string
) {
	const [member] = await db
		.select({ username: user.username, nickname: user.nickname, displayName: user.displayName })
		.from(classStudent)
		.innerJoin(user, eq(user.id, classStudent.userId))
		.where(and(eq(classStudent.classId, classId), eq(classStudent.userId, studentId)));
	if (!member) return null;
	const password = passwordFrom(await sign(db, `password-reset:${studentId}:${key}`));
	const scope = { actor: { userId: teacherId }, form: `student.reset:${studentId}`, key };
	// A repeat shows the same password without hashing it again.
	if (await hasReceipt(db, scope)) return { ...member, userId: studentId, password };
	const passwordHash = await hashPassword(password);
	await once(db, scope, async (tx) => {
		await tx.update(user).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(user.id, studentId));
		await tx.delete(session).where(eq(session.userId, studentId));
		await tx.insert(passwordResetLog).values({ studentId, classId, resetBy: teacherId });
		return { ok: true };
	});
	return { ...member, userId: studentId, password };
}

/** Recent password resets in a class: who, whose, when. */
export async function listPasswordResets(db: DbOrTx, classId: number, limit = 20) {
	const rows = await db
		.select({
			id: passwordResetLog.id,
			studentId: passwordResetLog.studentId,
			resetBy: passwordResetLog.resetBy,
			createdAt: passwordResetLog.createdAt
		})
		.from(passwordResetLog)
		.where(eq(passwordResetLog.classId, classId))
		.orderBy(desc(passwordResetLog.id))
		.limit(limit);
	const names = new Map<number, string>();
	for (const r of rows) {
		for (const id of [r.studentId, r.resetBy]) {
			if (id && !names.has(id)) {
				const [u] = await db.select({ nickname: user.nickname }).from(user).where(eq(user.id, id));
				if (u) names.set(id, u.nickname);
			}
		}
	}
	return rows.map((r) => ({
		id: r.id,
		createdAt: r.createdAt,
		student: r.studentId ? (names.get(r.studentId) ?? null) : null,
		by: r.resetBy ? (names.get(r.resetBy) ?? null) : null
	}));
}
