import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '$lib/server/db/client';
import { user, userRole } from '$lib/server/db/schema';
import type { Role } from '$lib/domain/roles';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '$lib/server/auth/password';
import type { SignupInput } from '$lib/schemas/auth';
import type { Locale } from '$lib/i18n/locales';

export function normaliseUsername(username: string): string {
	return username.trim().toLowerCase();
}

/** Creates an adult account (email + password) with one starting role. */
export async function signUpAdult(
	db: Db,
	input: SignupInput,
	locale: Locale
): Promise<{ ok: true; userId: number } | { ok: false; error: 'auth.signup.emailTaken' }> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const [taken] = await tx
			.select({ id: user.id })
			.from(user)
			.where(eq(user.username, input.email))
			.limit(1);
		if (taken) return { ok: false, error: 'auth.signup.emailTaken' } as const;
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

/** Checks a username/email and password; the same work is done whether or not the account exists. */
export async function authenticate(db: Db, username: string, password: string): Promise<number | null> {
	const [row] = await db
		.select({ id: user.id, passwordHash: user.passwordHash })
		.from(user)
		.where(eq(user.username, normaliseUsername(username)))
		.limit(1);
	if (!row) {
		await verifyAgainstDummy(password);
		return null;
	}
	return (await verifyPassword(row.passwordHash, password)) ? row.id : null;
}

export async function changePassword(
	db: Db,
	userId: number,
	current: string,
	next: string
): Promise<{ ok: true } | { ok: false; error: 'auth.password.wrong' }> {
	const [row] = await db.select({ passwordHash: user.passwordHash }).from(user).where(eq(user.id, userId));
	if (!row || !(await verifyPassword(row.passwordHash, current)))
		return { ok: false, error: 'auth.password.wrong' };
	const passwordHash = await hashPassword(next);
	await db.update(user).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(user.id, userId));
	return { ok: true };
}

export async function setUserLocale(db: Db, userId: number, locale: Locale): Promise<void> {
	await db.update(user).set({ locale }).where(eq(user.id, userId));
}

/** Grants a role if the user does not hold it yet. */
export async function grantRole(db: DbOrTx, userId: number, role: Role): Promise<void> {
	await db.insert(userRole).values({ userId, role }).onConflictDoNothing();
}

export async function revokeRole(db: DbOrTx, userId: number, role: Role): Promise<void> {
	await db.delete(userRole).where(and(eq(userRole.userId, userId), eq(userRole.role, role)));
}
