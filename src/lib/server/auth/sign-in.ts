import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { user } from '$lib/server/db/schema';
import { normaliseUsername } from '$lib/server/people/accounts';
import { verifyAgainstDummy, verifyPassword } from './password';
import { deviceHash, isKnownDevice, rememberDevice } from './device';
import { accountLimit, clearLimit, limit, lockedFor, recordFailure, type Limit } from './rate-limit';

export interface SignInAttempt {
	username: string;
	password: string;
	/** This browser's device id (see device.ts). */
	deviceId: string;
	address: string;
}

export type SignInResult =
	| { ok: true; userId: number }
	| { ok: false; error: 'auth.login.invalid' }
	| { ok: false; error: 'auth.login.locked'; minutes: number };

/**
 * Checks a username and password under the sign-in policy in rate-limit.ts: on a device where this
 * account signed in before, only that device's failures count; elsewhere the account and the
 * address are counted and locked. The same work is done whether or not the account exists, and
 * the answer never says which.
 */
export async function signIn(db: Db, attempt: SignInAttempt, now = Date.now()): Promise<SignInResult> {
	const username = normaliseUsername(attempt.username);
	const [row] = await db
		.select({ id: user.id, passwordHash: user.passwordHash })
		.from(user)
		.where(eq(user.username, username))
		.limit(1);
	const deviceLimit = row ? limit('knownDevice', row.id, deviceHash(attempt.deviceId)) : null;
	const trusted =
		!!row &&
		!!deviceLimit &&
		(await isKnownDevice(db, row.id, attempt.deviceId, now)) &&
		(await lockedFor(db, [deviceLimit], now)) === 0;
	const counters: Limit[] = trusted
		? [deviceLimit!]
		: [accountLimit(username), limit('address', attempt.address)];

	const locked = await lockedFor(db, counters, now);
	if (locked > 0) return { ok: false, error: 'auth.login.locked', minutes: Math.ceil(locked / 60_000) };

	let good = false;
	if (row) good = await verifyPassword(row.passwordHash, attempt.password);
	else await verifyAgainstDummy(attempt.password);
	if (!row || !good) {
		await recordFailure(db, counters, now);
		return { ok: false, error: 'auth.login.invalid' };
	}
	await clearLimit(db, counters[0]);
	await rememberDevice(db, row.id, attempt.deviceId, now);
	return { ok: true, userId: row.id };
}
