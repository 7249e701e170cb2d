import type { LimitRule } from '$lib/server/auth/rate-limit';
export { lockedFor, recordFailure } from '$lib/server/auth/rate-limit';

/**
 * Wrong join/invite codes per address: 30 in 15 minutes, then a 15-minute pause. Generous, because
 * a whole class types codes from one school address, yet it makes guessing 31^6 codes hopeless.
 */
export const CODE_LIMIT: LimitRule = { max: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export function codeKey(kind: 'class' | 'household' | 'invite' | 'parent', ip: string): string {
	return `code:${kind}:${ip}`;
}
