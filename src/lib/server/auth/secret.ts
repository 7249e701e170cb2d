import { eq } from 'drizzle-orm';
import { createHmac } from 'node:crypto';
import type { DbOrTx } from '$lib/server/db/client';
import { appSecret } from '$lib/server/db/schema';

const SIGNING_KEY = 'signing-key';
const cache = new WeakMap<object, Promise<Uint8Array>>();

/**
 * The app's signing key: 32 random bytes made on first use and kept in the database, so every
 * instance behind a load balancer signs and checks device cookies alike. Memoised per database.
 */
export function signingKey(db: DbOrTx): Promise<Uint8Array> {
	let key = cache.get(db);
	if (!key) {
		key = loadOrCreate(db);
		cache.set(db, key);
		key.catch(() => cache.delete(db));
	}
	return key;
}

async function loadOrCreate(db: DbOrTx): Promise<Uint8Array> {
	const fresh = new Uint8Array(32);
	crypto.getRandomValues(fresh);
	// Two instances starting together: the first insert wins and both read the same row back.
	await db
		.insert(appSecret)
		.values({ name: SIGNING_KEY, value: Buffer.from(fresh) })
		.onConflictDoNothing();
	const [row] = await db
		.select({ value: appSecret.value })
		.from(appSecret)
		.where(eq(appSecret.name, SIGNING_KEY));
	return new Uint8Array(row.value);
}

/** HMAC-SHA256 of `message` under the app's signing key. */
export async function sign(db: DbOrTx, message: string): Promise<Buffer> {
	return createHmac('sha256', await signingKey(db))
		.update(message)
		.digest();
}
