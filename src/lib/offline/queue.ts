import type { MessageKey } from '$lib/i18n/vi';
/**
 * The offline queue's rules, free of IndexedDB and the network so they can be tested alone: what
 * a queued entry holds, the order entries are sent in, the wait between attempts, and what each
 * kind of answer does to an entry. An entry leaves the queue only when the server has answered
 * for it: stored (or already stored), or refused (then it stays, with the reason, for the person
 * to correct or discard).
 */

export type QueueKind = 'dropoff' | 'action' | 'checkin';

/** Why the server refused an entry: an i18n key, its parameters, the field it is about. */
export interface Refusal {
	status: number;
	reason: MessageKey;
	params?: Record<string, string | number>;
	field?: string;
	/** Several people matched the contributor: the steward picks one ("h:12", "u:34"). */
	candidates?: { pick: string; label: string }[];
}

export interface QueuedItem {
	/** The entry's idempotency key, which also names it in the queue. */
	id: string;
	userId: number;
	kind: QueueKind;
	/** Where it is posted: the page's own form action, e.g. `/steward?/record`. */
	action: string;
	/** The form's fields, idempotency key included. */
	fields: Record<string, string>;
	/** Device time when it was made (ms), and that instant's day in the app time zone. */
	madeAt: number;
	localDay: string;
	/** What it was, in the words of the page it was made on (an action's name, a pledge item…). */
	summary: string;
	/** Breaks ties between entries made in the same millisecond. */
	seq: number;
	state: 'pending' | 'refused';
	attempts: number;
	/** No automatic attempt before this time (ms); 0 when it may go at once. */
	notBefore: number;
	refusal?: Refusal;
}

export type SendOutcome =
	| { type: 'stored' }
	| { type: 'refused'; refusal: Refusal }
	/** No answer: no network, or the server failed (5xx). Tried again later. */
	| { type: 'unreachable'; serverError?: boolean }
	/** Nobody (or somebody else) is signed in: nothing more is sent until the person signs in. */
	| { type: 'signedOut' };

export interface QueueStore {
	list(userId: number): Promise<QueuedItem[]>;
	put(item: QueuedItem): Promise<void>;
	remove(id: string): Promise<void>;
}

/** After this many server failures in a row an entry comes back to the person instead of waiting. */
export const MAX_SERVER_ATTEMPTS = 8;
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 15 * 60_000;

/** The wait after the n-th failed attempt: doubling from 5 s up to 15 min, ±20 % so devices spread out. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
	const exponential = BASE_DELAY_MS * 2 ** Math.max(0, Math.min(attempts - 1, 20));
	return Math.round(Math.min(exponential, MAX_DELAY_MS) * (0.8 + 0.4 * random()));
}

/** The order entries are sent in: the order they were made. */
export function sendOrder(items: readonly QueuedItem[]): QueuedItem[] {
	return [...items].sort((a, b) => a.madeAt - b.madeAt || a.seq - b.seq || (a.id < b.id ? -1 : 1));
}

/** An entry the person corrected (or asked to send again): back in line, with a clean slate. */
export function requeue(item: QueuedItem, fields: Record<string, string> = item.fields): QueuedItem {
	return { ...item, fields, state: 'pending', attempts: 0, notBefore: 0, refusal: undefined };
}

export interface FlushResult {
	sent: number;
	refused: number;
	/** Why sending stopped before the end of the queue, if it did. */
	stopped: null | 'unreachable' | 'signedOut' | 'waiting';
	/** When the next automatic attempt is due (ms), if one is. */
	retryAt: number | null;
}

export interface FlushOptions {
	now?: () => number;
	random?: () => number;
	/** Send even entries still waiting out their backoff (the connection just came back). */
	force?: boolean;
}

/**
 * Sends a person's pending entries one at a time, in order. A stored entry is removed, a refused
 * one is kept with its reason and the next one goes; no answer stops the run (later entries never
 * overtake an earlier one) and sets the entry's next attempt after a growing wait.
 */
export async function flushQueue(
	store: QueueStore,
	userId: number,
	send: (item: QueuedItem) => Promise<SendOutcome>,
	{ now = Date.now, random = Math.random, force = false }: FlushOptions = {}
): Promise<FlushResult> {
	const result: FlushResult = { sent: 0, refused: 0, stopped: null, retryAt: null };
	const line = sendOrder((await store.list(userId)).filter((i) => i.state === 'pending'));
	for (const item of line) {
		if (!force && item.notBefore > now()) {
			return { ...result, stopped: 'waiting', retryAt: item.notBefore };
		}
		const outcome = await send(item);
		if (outcome.type === 'stored') {
			await store.remove(item.id);
			result.sent++;
		} else if (outcome.type === 'refused') {
			await store.put({ ...item, state: 'refused', refusal: outcome.refusal });
			result.refused++;
		} else if (outcome.type === 'signedOut') {
			return { ...result, stopped: 'signedOut' };
		} else {
			const attempts = item.attempts + 1;
			if (outcome.serverError && attempts >= MAX_SERVER_ATTEMPTS) {
				const refusal: Refusal = { status: 503, reason: 'offline.serverError' };
				await store.put({ ...item, attempts, state: 'refused', refusal });
				result.refused++;
				continue;
			}
			const notBefore = now() + backoffMs(attempts, random);
			await store.put({ ...item, attempts, notBefore });
			return { ...result, stopped: 'unreachable', retryAt: notBefore };
		}
	}
	return result;
}
