import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { session, user, userRole } from '$lib/server/db/schema';
import type { Role } from '$lib/domain/roles';
import type { Locale } from '$lib/i18n/locales';

export const SESSION_COOKIE = 'sx_session';
/** A session unused for this long is ended. */
export const INACTIVITY_TIMEOUT_MS = 14 * 24 * 60 * 60 * 1000;
/** A session ends this long after sign-in, however active. */
export const ABSOLUTE_LIFETIME_MS = 60 * 24 * 60 * 60 * 1000;
/** `lastVerifiedAt` is written at most this often per session. */
export const ACTIVITY_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** What the app keeps about the signed-in person on `locals`: never the password hash. */
export interface SessionUser {
	id: number;
	username: string;
	nickname: string;
	displayName: string;
	locale: Locale;
	roles: Role[];
}

export interface SessionInfo {
	id: string;
	userId: number;
	createdAt: Date;
	lastVerifiedAt: Date;
	expiresAt: Date;
}

/** 20 random bytes → 32 base32 characters (160 bits), above the guide's 120-bit floor. */
function randomToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

const TOKEN_RE = /^[a-z2-7]{32}\.[a-z2-7]{32}$/;

function expiresAt(createdAt: number, lastVerifiedAt: number): Date {
	return new Date(Math.min(lastVerifiedAt + INACTIVITY_TIMEOUT_MS, createdAt + ABSOLUTE_LIFETIME_MS));
}

/** Creates a session and returns the token to put in the cookie (`id.secret`). */
export async function createSession(db: Db, userId: number, now = Date.now()) {
	const id = randomToken();
	const secret = randomToken();
	await db.insert(session).values({
		id,
		secretHash: Buffer.from(hashSecret(secret)),
		userId,
		createdAt: new Date(now),
		lastVerifiedAt: new Date(now)
	});
	return { token: `${id}.${secret}`, expiresAt: expiresAt(now, now) };
}

/**
 * Returns the session and its user when the token is well-formed, known, its secret matches
 * (constant-time) and it has not expired; otherwise null. Expired sessions are deleted. One
 * statement reads the session, the user and their roles; `renewed` says the expiry moved (the
 * last-use time was written), which is when the cookie needs rewriting.
 */
export async function validateSessionToken(
	db: Db,
	token: string | undefined,
	now = Date.now()
): Promise<{ session: SessionInfo; user: SessionUser; renewed: boolean } | null> {
	if (!token || !TOKEN_RE.test(token)) return null;
	const [id, secret] = token.split('.');
	const [row] = await db
		.select({
			id: session.id,
			secretHash: session.secretHash,
			createdAt: session.createdAt,
			lastVerifiedAt: session.lastVerifiedAt,
			userId: user.id,
			username: user.username,
			nickname: user.nickname,
			displayName: user.displayName,
			locale: user.locale,
			// Role names are plain words, so a comma-joined list is unambiguous.
			roles: sql<
				string | null
			>`(select group_concat(${userRole.role}) from ${userRole} where ${userRole.userId} = ${user.id})`
		})
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(eq(session.id, id))
		.limit(1);
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;

	const created = row.createdAt.getTime();
	let verified = row.lastVerifiedAt.getTime();
	if (now - verified >= INACTIVITY_TIMEOUT_MS || now - created >= ABSOLUTE_LIFETIME_MS) {
		await db.delete(session).where(eq(session.id, id));
		return null;
	}
	const renewed = now - verified >= ACTIVITY_CHECK_INTERVAL_MS;
	if (renewed) {
		verified = now;
		await db
			.update(session)
			.set({ lastVerifiedAt: new Date(now) })
			.where(eq(session.id, id));
	}
	return {
		renewed,
		session: {
			id,
			userId: row.userId,
			createdAt: row.createdAt,
			lastVerifiedAt: new Date(verified),
			expiresAt: expiresAt(created, verified)
		},
		user: {
			id: row.userId,
			username: row.username,
			nickname: row.nickname,
			displayName: row.displayName,
			locale: row.locale,
			roles: (row.roles ? (row.roles.split(',') as Role[]) : []).sort()
		}
	};
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(session).where(eq(session.id, sessionId));
}

/** Ends every session of a user (after a password change or reset). */
export async function invalidateUserSessions(db: Db, userId: number): Promise<void> {
	await db.delete(session).where(eq(session.userId, userId));
}
