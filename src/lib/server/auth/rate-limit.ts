import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { rateLimit } from '$lib/server/db/schema';

export interface LimitRule {
	max: number;
	windowMs: number;
	lockMs: number;
}

/**
 * Failed sign-ins: an account locks after 5 failures in 15 minutes (whoever tries); an IP after
 * 100, because a whole school often shares one address.
 */
export const LOGIN_LIMITS = {
	account: { max: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
	ip: { max: 100, windowMs: 15 * 60_000, lockMs: 15 * 60_000 }
} satisfies Record<string, LimitRule>;

export function loginKeys(account: string, ip: string) {
	return { account: `login:acct:${account.trim().toLowerCase()}`, ip: `login:ip:${ip}` };
}

/** Milliseconds until the earliest of these keys unlocks, or 0 when none is locked. */
export async function lockedFor(db: Db, keys: string[], now = Date.now()): Promise<number> {
	const rows = await db
		.select({ lockedUntil: rateLimit.lockedUntil })
		.from(rateLimit)
		.where(inArray(rateLimit.key, keys));
	const until = Math.max(0, ...rows.map((r) => r.lockedUntil));
	return until > now ? until - now : 0;
}

/** Counts one failure against `key`; locks it when the window's count reaches the rule's max. */
export async function recordFailure(db: Db, key: string, rule: LimitRule, now = Date.now()): Promise<void> {
	const windowFloor = now - rule.windowMs;
	await db
		.insert(rateLimit)
		.values({ key, count: 1, windowStart: now, lockedUntil: rule.max <= 1 ? now + rule.lockMs : 0 })
		.onConflictDoUpdate({
			target: rateLimit.key,
			set: {
				count: sql`case when ${rateLimit.windowStart} < ${windowFloor} then 1 else ${rateLimit.count} + 1 end`,
				windowStart: sql`case when ${rateLimit.windowStart} < ${windowFloor} then ${now} else ${rateLimit.windowStart} end`,
				lockedUntil: sql`case when (case when ${rateLimit.windowStart} < ${windowFloor} then 1 else ${rateLimit.count} + 1 end) >= ${rule.max} then ${now + rule.lockMs} else ${rateLimit.lockedUntil} end`
			}
		});
}

export async function clearLimit(db: Db, key: string): Promise<void> {
	await db.delete(rateLimit).where(eq(rateLimit.key, key));
}
