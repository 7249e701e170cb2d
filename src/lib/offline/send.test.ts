import { stringify } from 'devalue';
import { describe, expect, it } from 'vitest';
import { readAnswer, sendQueued } from './send';
import type { QueuedItem } from './queue';

/** A form action's JSON answer as SvelteKit writes it for `fail(status, data)`. */
const failure = (status: number, data: unknown) =>
	[status, JSON.stringify({ type: 'failure', status, data: stringify(data) })] as const;

describe('readAnswer', () => {
	it('a redirect after the action is the entry stored', () => {
		expect(
			readAnswer(200, JSON.stringify({ type: 'redirect', status: 303, location: '/steward?point=2' }))
		).toEqual({
			type: 'stored'
		});
		expect(readAnswer(200, JSON.stringify({ type: 'success', status: 200 }))).toEqual({ type: 'stored' });
	});

	it('a redirect to the login page means signed out, not stored', () => {
		const body = JSON.stringify({ type: 'redirect', status: 303, location: '/login?redirectTo=%2Ftoday' });
		expect(readAnswer(200, body)).toEqual({ type: 'signedOut' });
	});

	it('reads a refusal in the one shape (refuse()): the field and its reason: the field and its reason', () => {
		const [status, body] = failure(400, {
			form: 'record',
			values: {},
			errors: { volumeMl: 'playground.ecobrick.tooLight' },
			candidates: []
		});
		expect(readAnswer(status, body)).toEqual({
			type: 'refused',
			refusal: { status: 400, reason: 'playground.ecobrick.tooLight', field: 'volumeMl' }
		});
	});

	it('keeps the candidates of an ambiguous contributor', () => {
		const candidates = [
			{ pick: 'h:1', label: 'Nhà Xanh' },
			{ pick: 'u:9', label: 'Xanh · 6A1' }
		];
		const [status, body] = failure(400, {
			form: 'record',
			errors: {},
			message: 'playground.error.ambiguousContributor',
			candidates
		});
		expect(readAnswer(status, body)).toEqual({
			type: 'refused',
			refusal: { status: 400, reason: 'playground.error.ambiguousContributor', candidates }
		});
	});

	it("reads /today's refusal with its parameters", () => {
		const [status, body] = failure(400, {
			form: 'log-3',
			message: 'actions.cap',
			params: { cap: 2, left: 0 }
		});
		expect(readAnswer(status, body)).toEqual({
			type: 'refused',
			refusal: { status: 400, reason: 'actions.cap', params: { cap: 2, left: 0 } }
		});
	});

	it("reads a check-in's refusal, preferring the field's reason over 'has errors'", () => {
		const [status, body] = failure(400, {
			form: 'checkin-4',
			values: { count: '0' },
			errors: { count: 'pledge.error.count' },
			message: 'form.hasErrors'
		});
		expect(readAnswer(status, body)).toEqual({
			type: 'refused',
			refusal: { status: 400, reason: 'pledge.error.count', field: 'count' }
		});
		const [s2, b2] = failure(409, {
			form: 'checkin-4',
			errors: { day: 'pledge.error.already' },
			message: 'form.hasErrors'
		});
		expect(readAnswer(s2, b2)).toMatchObject({ refusal: { reason: 'pledge.error.already', field: 'day' } });
	});

	it('an entry queued by someone else waits for them instead of being refused', () => {
		const [status, body] = failure(403, { form: 'log-3', message: 'offline.otherPerson', params: {} });
		expect(readAnswer(status, body)).toEqual({ type: 'signedOut' });
	});

	it('a guard error is a refusal with its message; a server error is no answer', () => {
		const forbidden = JSON.stringify({ type: 'error', error: { message: 'error.403' } });
		expect(readAnswer(403, forbidden)).toEqual({
			type: 'refused',
			refusal: { status: 403, reason: 'error.403' }
		});
		const broken = JSON.stringify({ type: 'error', error: { message: 'error.500' } });
		expect(readAnswer(500, broken)).toEqual({ type: 'unreachable', serverError: true });
		expect(readAnswer(502, '<html>Bad gateway</html>')).toEqual({ type: 'unreachable', serverError: true });
		expect(readAnswer(403, 'Cross-site POST form submissions are forbidden')).toEqual({
			type: 'refused',
			refusal: { status: 403, reason: 'error.403' }
		});
	});
});

describe('sendQueued', () => {
	const entry: QueuedItem = {
		id: 'abcdefgh12',
		userId: 7,
		kind: 'action',
		action: '/today?/log',
		fields: { actionId: '3', day: '2025-05-12', mode: 'person', idempotencyKey: 'abcdefgh12' },
		madeAt: 1_747_000_000_000,
		localDay: '2025-05-12',
		summary: 'Mang bình nước',
		seq: 0,
		state: 'pending',
		attempts: 0,
		notBefore: 0
	};

	it('posts the fields, when it was made and by whom to the form action, as use:enhance does', async () => {
		let seen: { url: string; init: RequestInit } | null = null;
		const fetcher = (async (url: string, init: RequestInit) => {
			seen = { url, init };
			return new Response(JSON.stringify({ type: 'redirect', status: 303, location: '/today' }));
		}) as unknown as typeof fetch;
		expect(await sendQueued(entry, fetcher)).toEqual({ type: 'stored' });
		expect(seen!.url).toBe('/today?/log');
		expect(new Headers(seen!.init.headers).get('x-sveltekit-action')).toBe('true');
		const body = seen!.init.body as URLSearchParams;
		expect(Object.fromEntries(body)).toEqual({
			...entry.fields,
			madeAt: '1747000000000',
			queuedBy: '7'
		});
	});

	it('no network is no answer', async () => {
		const fetcher = (async () => {
			throw new TypeError('Failed to fetch');
		}) as unknown as typeof fetch;
		expect(await sendQueued(entry, fetcher)).toEqual({ type: 'unreachable' });
	});
});
