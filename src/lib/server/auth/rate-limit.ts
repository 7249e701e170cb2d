import { and, eq, inArray, like, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { rateLimit } from '$lib/server/db/schema';

export interface LimitRule {
	max: number;
	windowMs: number;
	lockMs: number;
}

const MINUTES_15 = 15 * 60_000;

/**
 * The one throttling policy, for sign-in and for every typed code. Counters live in the database,
 * so every instance shares them. Only failures count; a locked key is refused before any password
 * or code is checked, and failures during a lock do not extend it.
 *
 * Sign-in (OWASP's device cookies): on a device where this person signed in before, failures count
 * for that device and account only (`knownDevice`), so strangers guessing cannot lock the owner
 * out. Anywhere else they count per account (`account`) and per address (`address`, generous
 * because a whole school shares one address).
 *
 * Codes (class, household, teacher invite, parent letter): per signed-in person, or else per
 * device (`codeSubject`); then per address with a school-sized budget (`codeAddress`). Requests
 * with neither a session nor a device cookie share a small per-address budget (`codeCookieless`),
 * so clearing cookies buys nothing. A code has 6–8 characters from 31 symbols (≥ 887 million):
 * a device's budget tries 2 880 a day.
 */
export const LIMITS = {
	knownDevice: { max: 10, windowMs: MINUTES_15, lockMs: MINUTES_15 },
	account: { max: 5, windowMs: MINUTES_15, lockMs: MINUTES_15 },
	address: { max: 300, windowMs: MINUTES_15, lockMs: MINUTES_15 },
	codeSubject: { max: 30, windowMs: MINUTES_15, lockMs: MINUTES_15 },
	codeAddress: { max: 600, windowMs: MINUTES_15, lockMs: MINUTES_15 },
	codeCookieless: { max: 30, windowMs: MINUTES_15, lockMs: MINUTES_15 }
} as const satisfies Record<string, LimitRule>;

export type LimitName = keyof typeof LIMITS;

/** A counter: the rule it follows and the key it is stored under. */
export interface Limit {
	rule: LimitName;
	key: string;
}

export function limit(rule: LimitName, ...parts: (string | number)[]): Limit {
	return { rule, key: `${rule}:${parts.join(':')}` };
}

/** The account counter of a (normalised) username: unknown names are throttled alike. */
export function accountLimit(username: string): Limit {
	return limit('account', username);
}

/** Milliseconds until the last of these counters unlocks, or 0 when none is locked. */
export async function lockedFor(db: DbOrTx, limits: Limit[], now = Date.now()): Promise<number> {
	if (limits.length === 0) return 0;
	const rows = await db
		.select({ lockedUntil: rateLimit.lockedUntil })
		.from(rateLimit)
		.where(
			inArray(
				rateLimit.key,
				limits.map((l) => l.key)
			)
		);
	const until = Math.max(0, ...rows.map((r) => r.lockedUntil));
	return until > now ? until - now : 0;
}

/** Counts one failure on each counter; a counter locks when its window's count reaches the rule's max. */
export async function recordFailure(db: DbOrTx, limits: Limit[], now = Date.now()): Promise<void> {
	for (const { rule: name, key } of limits) {
		const rule: LimitRule = LIMITS[name];
		const windowFloor = now - rule.windowMs;
		const fresh = sql`${rateLimit.windowStart} < ${windowFloor}`;
		const nextCount = sql`case when ${fresh} then 1 else ${rateLimit.count} + 1 end`;
		await db
			.insert(rateLimit)
			.values({ key, count: 1, windowStart: now, lockedUntil: rule.max <= 1 ? now + rule.lockMs : 0 })
			.onConflictDoUpdate({
				target: rateLimit.key,
				set: {
					count: nextCount,
					windowStart: sql`case when ${fresh} then ${now} else ${rateLimit.windowStart} end`,
					lockedUntil: sql`case when ${nextCount} >= ${rule.max} then ${now + rule.lockMs} else ${rateLimit.lockedUntil} end`
				}
			});
	}
}

export async function clearLimit(db: DbOrTx, l: Limit): Promise<void> {
	await db.delete(rateLimit).where(eq(rateLimit.key, l.key));
}

/** Deletes counters whose window and lock ended over a day ago (run at start-up and hourly). */
export async function pruneLimits(db: DbOrTx, now = Date.now()): Promise<void> {
	const dayAgo = now - 24 * 3600_000;
	await db.delete(rateLimit).where(and(lt(rateLimit.windowStart, dayAgo), lt(rateLimit.lockedUntil, dayAgo)));
}

/** Drops every counter about a person (erasure): their account, their known devices, their codes. */
export async function forgetPersonLimits(db: DbOrTx, userId: number, username: string): Promise<void> {
	await db
		.delete(rateLimit)
		.where(
			or(
				eq(rateLimit.key, accountLimit(username).key),
				like(rateLimit.key, `${limit('knownDevice', userId).key}:%`),
				eq(rateLimit.key, limit('codeSubject', 'u', userId).key)
			)
		);
}
