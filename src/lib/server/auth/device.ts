import { timingSafeEqual, createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { RequestEvent } from '@sveltejs/kit';
import type { Db, DbOrTx } from '$lib/server/db/client';
import { knownDevice } from '$lib/server/db/schema';
import { sign } from './secret';
import { isHttps } from './cookies';

export const DEVICE_COOKIE = 'sx_device';
/** A device cookie lives this long (browsers cap cookies at 400 days). */
const DEVICE_LIFETIME_S = 400 * 24 * 3600;
/** A device unused for sign-in this long is forgotten. */
const KNOWN_DEVICE_TTL_MS = 365 * 24 * 3600_000;

const COOKIE_RE = /^([a-z2-7]{32})\.([a-z2-7]{26})$/;

async function signature(db: DbOrTx, id: string): Promise<string> {
	return encodeBase32LowerCaseNoPadding((await sign(db, `device:${id}`)).subarray(0, 16));
}

/** The device id in a well-formed cookie whose signature is ours, else null. */
export async function verifyDeviceCookie(db: DbOrTx, value: string | undefined): Promise<string | null> {
	const m = value ? COOKIE_RE.exec(value) : null;
	if (!m) return null;
	const expected = Buffer.from(await signature(db, m[1]));
	const given = Buffer.from(m[2]);
	return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : null;
}

/**
 * This browser's device id: a random id signed with the app's key, kept in an HttpOnly cookie for
 * 400 days (the longest browsers keep one), set on the first visit so it is there when the first
 * form is sent, and not rewritten after. `fresh` tells a request that brought no valid cookie (a
 * first visit, or a client that drops cookies): throttles count those per address only.
 */
export async function deviceFor(
	db: Db,
	event: Pick<RequestEvent, 'cookies' | 'url'>
): Promise<{ id: string; fresh: boolean }> {
	const known = await verifyDeviceCookie(db, event.cookies.get(DEVICE_COOKIE));
	if (known) return { id: known, fresh: false };
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	const id = encodeBase32LowerCaseNoPadding(bytes);
	event.cookies.set(DEVICE_COOKIE, `${id}.${await signature(db, id)}`, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isHttps(event),
		maxAge: DEVICE_LIFETIME_S
	});
	return { id, fresh: true };
}

/** What the database keeps of a device id: its SHA-256, never the id itself. */
export function deviceHash(deviceId: string): string {
	return createHash('sha256').update(deviceId).digest('hex');
}

export async function isKnownDevice(db: DbOrTx, userId: number, deviceId: string, now = Date.now()) {
	const [row] = await db
		.select({ at: knownDevice.lastSignInAt })
		.from(knownDevice)
		.where(and(eq(knownDevice.userId, userId), eq(knownDevice.deviceHash, deviceHash(deviceId))));
	return !!row && now - row.at.getTime() < KNOWN_DEVICE_TTL_MS;
}

/** Records a successful sign-in on this device (and forgets this person's long-unused devices). */
export async function rememberDevice(db: Db, userId: number, deviceId: string, now = Date.now()) {
	const at = new Date(now);
	await db.batch([
		db
			.insert(knownDevice)
			.values({ userId, deviceHash: deviceHash(deviceId), lastSignInAt: at })
			.onConflictDoUpdate({
				target: [knownDevice.userId, knownDevice.deviceHash],
				set: { lastSignInAt: at }
			}),
		db
			.delete(knownDevice)
			.where(
				and(eq(knownDevice.userId, userId), lt(knownDevice.lastSignInAt, new Date(now - KNOWN_DEVICE_TTL_MS)))
			)
	]);
}
