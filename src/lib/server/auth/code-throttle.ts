import type { RequestEvent } from '@sveltejs/kit';
import type { DbOrTx } from '$lib/server/db/client';
import { deviceHash } from './device';
import { limit, lockedFor, recordFailure, type Limit } from './rate-limit';

/** Who is typing a code: the signed-in person, else the device, else only the address. */
export interface CodeRequester {
	userId: number | null;
	/** Null when the request brought no valid device cookie. */
	deviceId: string | null;
	address: string;
}

export function codeRequester(event: Pick<RequestEvent, 'locals' | 'getClientAddress'>): CodeRequester {
	const { user, device } = event.locals;
	return {
		userId: user?.id ?? null,
		deviceId: device && !device.fresh ? device.id : null,
		address: event.getClientAddress()
	};
}

function countersFor(who: CodeRequester): Limit[] {
	const subject = who.userId
		? limit('codeSubject', 'u', who.userId)
		: who.deviceId
			? limit('codeSubject', 'd', deviceHash(who.deviceId))
			: limit('codeCookieless', who.address);
	return [subject, limit('codeAddress', who.address)];
}

export type Throttled<T> = { throttled: true; minutes: number } | { throttled: false; result: T };

/**
 * The one throttle for typed codes (class join, household join, teacher invite, parent letter):
 * refuses while the requester or their address is locked, otherwise runs `attempt` and counts it
 * as a failure when `wrongCode` says the code itself was wrong. Policy: `LIMITS` in rate-limit.ts.
 */
export async function throttleCode<T>(
	db: DbOrTx,
	who: CodeRequester,
	attempt: () => Promise<T>,
	wrongCode: (result: T) => boolean,
	now = Date.now()
): Promise<Throttled<T>> {
	const counters = countersFor(who);
	const locked = await lockedFor(db, counters, now);
	if (locked > 0) return { throttled: true, minutes: Math.ceil(locked / 60_000) };
	const result = await attempt();
	if (wrongCode(result)) await recordFailure(db, counters, now);
	return { throttled: false, result };
}
