import { parse } from 'devalue';
import type { MessageKey } from '$lib/i18n/vi';
import type { QueuedItem, Refusal, SendOutcome } from './queue';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The reason inside a form action's refusal (the one shape `refuse()` sends, FormFailure): its
 * `message` with `params`, or, when the message only says "correct the marked fields", the first
 * marked field and its error. The keys come from our own server's typed refusals.
 */
export function refusalFrom(status: number, data: unknown): Refusal {
	const fallback = `error.${status}` as MessageKey;
	if (!isRecord(data)) return { status, reason: fallback };
	const errors = isRecord(data.errors)
		? Object.entries(data.errors).filter((e): e is [string, string] => typeof e[1] === 'string')
		: [];
	const fieldError = errors[0];
	const message = typeof data.message === 'string' ? (data.message as MessageKey) : null;
	const general = message && message !== 'form.hasErrors' ? message : null;
	const refusal: Refusal = {
		status,
		reason: general ?? (fieldError?.[1] as MessageKey) ?? message ?? fallback
	};
	if (fieldError) refusal.field = fieldError[0];
	if (isRecord(data.params) && Object.keys(data.params).length)
		refusal.params = data.params as Record<string, string | number>;
	if (Array.isArray(data.candidates) && data.candidates.length)
		refusal.candidates = data.candidates.filter(
			(c): c is { pick: string; label: string } =>
				isRecord(c) && typeof c.pick === 'string' && typeof c.label === 'string'
		);
	return refusal;
}

/** A `fail()` payload (devalue-encoded by SvelteKit), or null when it cannot be read. */
function parseData(data: unknown): unknown {
	try {
		return typeof data === 'string' ? parse(data) : null;
	} catch {
		return null;
	}
}

/** What a form action's answer to a queued entry means for the queue. */
export function readAnswer(status: number, body: string): SendOutcome {
	let answer: unknown;
	try {
		answer = JSON.parse(body);
	} catch {
		answer = null;
	}
	if (!isRecord(answer)) {
		if (status >= 500 || status === 0) return { type: 'unreachable', serverError: true };
		return { type: 'refused', refusal: { status, reason: `error.${status}` as MessageKey } };
	}
	if (answer.type === 'redirect') {
		// The guards send a signed-out person to the login page: not an answer about the entry.
		const to = typeof answer.location === 'string' ? answer.location : '';
		return to.startsWith('/login') ? { type: 'signedOut' } : { type: 'stored' };
	}
	if (answer.type === 'success') return { type: 'stored' };
	if (answer.type === 'failure') {
		const refusal = refusalFrom(status, parseData(answer.data));
		// Queued by someone other than the person now signed in: it waits for its owner.
		if (refusal.reason === 'offline.otherPerson') return { type: 'signedOut' };
		return { type: 'refused', refusal };
	}
	if (status >= 500) return { type: 'unreachable', serverError: true };
	const error =
		isRecord(answer.error) && typeof answer.error.message === 'string'
			? (answer.error.message as MessageKey)
			: null;
	return { type: 'refused', refusal: { status, reason: error ?? (`error.${status}` as MessageKey) } };
}

/**
 * Posts a queued entry to the form action it was made for, as `use:enhance` would, adding when it
 * was made and by whom; the server's rules (zod, guards, caps, idempotency) decide.
 */
export async function sendQueued(item: QueuedItem, fetcher: typeof fetch = fetch): Promise<SendOutcome> {
	const body = new URLSearchParams(item.fields);
	body.set('madeAt', String(item.madeAt));
	body.set('queuedBy', String(item.userId));
	let res: Response;
	try {
		res = await fetcher(item.action, {
			method: 'POST',
			body,
			cache: 'no-store',
			credentials: 'same-origin',
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
	} catch {
		return { type: 'unreachable' };
	}
	const text = await res.text().catch(() => null);
	return text === null ? { type: 'unreachable' } : readAnswer(res.status, text);
}
