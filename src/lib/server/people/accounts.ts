import { and, eq, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '$lib/server/db/client';
import { session, user, userRole } from '$lib/server/db/schema';
import type { Role } from '$lib/domain/roles';
import { hasReceipt, once } from '$lib/server/db/receipts';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import type { SignupInput } from '$lib/schemas/auth';
import type { Locale } from '$lib/i18n/locales';

export function normaliseUsername(username: string): string {
	return username.trim().toLowerCase();
}

/**
 * Creates an adult account (email + password) with one starting role, unless the e-mail is
 * registered already. The password is hashed either way, so both cases take the same time.
 */
export async function signUpAdult(
	db: Db,
	input: SignupInput,
	locale: Locale
): Promise<{ ok: true; userId: number } | { ok: false; error: 'taken' }> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const [taken] = await tx
			.select({ id: user.id })
			.from(user)
			.where(eq(user.username, input.email))
			.limit(1);
		if (taken) return { ok: false, error: 'taken' } as const;
		const [row] = await tx
			.insert(user)
			.values({
				username: input.email,
				email: input.email,
				displayName: input.displayName,
				nickname: input.nickname,
				passwordHash,
				locale
			})
			.returning({ id: user.id });
		await tx.insert(userRole).values({ userId: row.id, role: input.role });
		return { ok: true, userId: row.id } as const;
	});
}

/**
 * Changes a person's password when `current` is right, and ends their other sessions (the one
 * making the change stays). The same form sent twice changes it once and answers ok both times.
 */
export async function changePassword(
	db: Db,
	userId: number,
	input: { current: string; password: string; idempotencyKey: string },
	keepSessionId: string | null
): Promise<{ ok: true } | { ok: false; error: 'auth.password.wrong' }> {
	const scope = { actor: { userId }, form: 'account.password', key: input.idempotencyKey };
	if (await hasReceipt(db, scope)) return { ok: true };
	const [row] = await db.select({ passwordHash: user.passwordHash }).from(user).where(eq(user.id, userId));
	if (!row || !(await verifyPassword(row.passwordHash, input.current)))
		return { ok: false, error: 'auth.password.wrong' };
	const passwordHash = await hashPassword(input.password);
	await once(db, scope, async (tx) => {
		await tx.update(user).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(user.id, userId));
		await tx
			.delete(session)
			.where(and(eq(session.userId, userId), keepSessionId ? ne(session.id, keepSessionId) : undefined));
		return { ok: true };
	});
	return { ok: true };
}

export async function setUserLocale(db: Db, userId: number, locale: Locale): Promise<void> {
	await db.update(user).set({ locale }).where(eq(user.id, userId));
}

/** Grants a role if the user does not hold it yet. */
export async function grantRole(db: DbOrTx, userId: number, role: Role): Promise<void> {
	await db.insert(userRole).values({ userId, role }).onConflictDoNothing();
}
