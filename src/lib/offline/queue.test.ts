import { describe, expect, it } from 'vitest';
import {
	backoffMs,
	flushQueue,
	MAX_SERVER_ATTEMPTS,
	requeue,
	sendOrder,
	type QueuedItem,
	type QueueStore,
	type Refusal,
	type SendOutcome
} from './queue';

function memoryStore(items: QueuedItem[]): QueueStore & { rows: Map<string, QueuedItem> } {
	const rows = new Map(items.map((i) => [i.id, i]));
	return {
		rows,
		list: async (userId) => [...rows.values()].filter((i) => i.userId === userId),
		put: async (item) => void rows.set(item.id, item),
		remove: async (id) => void rows.delete(id)
	};
}

let n = 0;
function item(over: Partial<QueuedItem> = {}): QueuedItem {
	n++;
	return {
		id: `key-${n}`,
		userId: 1,
		kind: 'dropoff',
		action: '/steward?/record',
		fields: { idempotencyKey: `key-${n}` },
		madeAt: 1_000 + n,
		localDay: '2025-05-12',
		summary: `entry ${n}`,
		seq: n,
		state: 'pending',
		attempts: 0,
		notBefore: 0,
		...over
	};
}

/** A server that answers from a script, recording what it was sent. */
function server(answers: Record<string, SendOutcome[]>) {
	const sent: string[] = [];
	const send = async (i: QueuedItem): Promise<SendOutcome> => {
		sent.push(i.id);
		return answers[i.id]?.shift() ?? { type: 'stored' };
	};
	return { sent, send };
}

describe('sendOrder', () => {
	it('sends in the order entries were made, ties broken by sequence', () => {
		const a = item({ madeAt: 5, seq: 2 });
		const b = item({ madeAt: 5, seq: 1 });
		const c = item({ madeAt: 1, seq: 9 });
		expect(sendOrder([a, b, c]).map((i) => i.id)).toEqual([c.id, b.id, a.id]);
	});
});

describe('backoffMs', () => {
	it('doubles from 5 s and stops at 15 minutes', () => {
		const mid = () => 0.5;
		expect([1, 2, 3, 4].map((a) => backoffMs(a, mid))).toEqual([5_000, 10_000, 20_000, 40_000]);
		expect(backoffMs(30, mid)).toBe(15 * 60_000);
	});

	it('spreads devices by at most 20 % either way', () => {
		expect(backoffMs(1, () => 0)).toBe(4_000);
		expect(backoffMs(1, () => 1)).toBe(6_000);
	});
});

describe('flushQueue', () => {
	it('sends every pending entry once, in order, and removes each after its answer', async () => {
		const later = item({ madeAt: 300 });
		const first = item({ madeAt: 100 });
		const middle = item({ madeAt: 200 });
		const store = memoryStore([later, first, middle]);
		const { sent, send } = server({});
		const result = await flushQueue(store, 1, send);
		expect(sent).toEqual([first.id, middle.id, later.id]);
		expect(result).toEqual({ sent: 3, refused: 0, stopped: null, retryAt: null });
		expect(store.rows.size).toBe(0);
	});

	it('keeps a refused entry with its reason and goes on with the next', async () => {
		const bad = item({ madeAt: 1 });
		const good = item({ madeAt: 2 });
		const store = memoryStore([bad, good]);
		const refusal: Refusal = { status: 400, reason: 'playground.ecobrick.tooLight', field: 'volumeMl' };
		const { sent, send } = server({ [bad.id]: [{ type: 'refused', refusal }] });
		const result = await flushQueue(store, 1, send);
		expect(sent).toEqual([bad.id, good.id]);
		expect(result.refused).toBe(1);
		expect(store.rows.get(bad.id)).toMatchObject({ state: 'refused', refusal });
		expect(store.rows.has(good.id)).toBe(false);
	});

	it('stops at the first entry that got no answer, keeps it and everything after, and backs off', async () => {
		const a = item({ madeAt: 1 });
		const b = item({ madeAt: 2 });
		const c = item({ madeAt: 3 });
		const store = memoryStore([a, b, c]);
		const { sent, send } = server({ [b.id]: [{ type: 'unreachable' }] });
		const result = await flushQueue(store, 1, send, { now: () => 50_000, random: () => 0.5 });
		expect(sent).toEqual([a.id, b.id]);
		expect(result).toEqual({ sent: 1, refused: 0, stopped: 'unreachable', retryAt: 55_000 });
		expect(store.rows.get(b.id)).toMatchObject({ state: 'pending', attempts: 1, notBefore: 55_000 });
		expect(store.rows.get(c.id)).toEqual(c);
	});

	it('waits out the backoff unless forced, then sends', async () => {
		const a = item({ attempts: 2, notBefore: 90_000 });
		const store = memoryStore([a]);
		const { sent, send } = server({});
		expect(await flushQueue(store, 1, send, { now: () => 60_000 })).toEqual({
			sent: 0,
			refused: 0,
			stopped: 'waiting',
			retryAt: 90_000
		});
		expect(sent).toEqual([]);
		expect((await flushQueue(store, 1, send, { now: () => 60_000, force: true })).sent).toBe(1);
		expect(store.rows.size).toBe(0);
	});

	it('retries with a growing wait and, after repeated server failures, hands the entry back', async () => {
		const a = item();
		const store = memoryStore([a]);
		const failures = Array.from({ length: MAX_SERVER_ATTEMPTS }, () => ({
			type: 'unreachable' as const,
			serverError: true
		}));
		const { send } = server({ [a.id]: failures });
		const waits: number[] = [];
		let clock = 0;
		for (let i = 1; i < MAX_SERVER_ATTEMPTS; i++) {
			const r = await flushQueue(store, 1, send, { now: () => clock, random: () => 0.5 });
			waits.push(r.retryAt! - clock);
			clock = r.retryAt!;
		}
		expect(waits).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000]);
		const last = await flushQueue(store, 1, send, { now: () => clock });
		expect(last.refused).toBe(1);
		expect(store.rows.get(a.id)).toMatchObject({
			state: 'refused',
			refusal: { reason: 'offline.serverError' }
		});
	});

	it('stops when nobody (or somebody else) is signed in, keeping the entry as it was', async () => {
		const a = item();
		const store = memoryStore([a]);
		const { send } = server({ [a.id]: [{ type: 'signedOut' }] });
		expect((await flushQueue(store, 1, send)).stopped).toBe('signedOut');
		expect(store.rows.get(a.id)).toEqual(a);
	});

	it("sends only the signed-in person's pending entries, never refused ones", async () => {
		const mine = item();
		const theirs = item({ userId: 2 });
		const refused = item({ state: 'refused', refusal: { status: 400, reason: 'actions.cap' } });
		const store = memoryStore([mine, theirs, refused]);
		const { sent, send } = server({});
		await flushQueue(store, 1, send);
		expect(sent).toEqual([mine.id]);
		expect(store.rows.has(theirs.id)).toBe(true);
		expect(store.rows.has(refused.id)).toBe(true);
	});

	it('removes nothing when the store write of an answer fails', async () => {
		const a = item();
		const store = memoryStore([a]);
		store.remove = async () => {
			throw new Error('disk full');
		};
		await expect(flushQueue(store, 1, server({}).send)).rejects.toThrow('disk full');
		expect(store.rows.has(a.id)).toBe(true);
	});
});

describe('requeue', () => {
	it('puts a corrected entry back in line with a clean slate and the same key', () => {
		const a = item({
			state: 'refused',
			attempts: 3,
			notBefore: 99,
			refusal: { status: 400, reason: 'form.invalid' }
		});
		const b = requeue(a, { ...a.fields, weightKg: '2' });
		expect(b).toMatchObject({ id: a.id, state: 'pending', attempts: 0, notBefore: 0, refusal: undefined });
		expect(b.fields).toEqual({ idempotencyKey: a.id, weightKg: '2' });
		expect(b.madeAt).toBe(a.madeAt);
	});
});
