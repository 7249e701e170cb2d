import { randomUUID } from 'node:crypto';
import type { Fixtures } from './fixtures';

/**
 * The school morning's writes: at a fixed rate, a random student logs an action (60 %), checks in
 * on their pledge (25 %), or the steward records a student's drop-off (15 %), each a real form
 * POST to the running server, as the phone would send it. The rate holds whatever the server's
 * answer time (requests overlap, up to `startWriter`'s `maxInFlight`), so a slow server meets the
 * same load as a fast one.
 */
export interface WriteStats {
	sent: number;
	/** Due while `maxInFlight` writes waited for their answer. */
	skipped: number;
	/** Answered 303 (the form's redirect after a successful write). */
	written: number;
	/** Any other answer, by status, and network errors as 0. */
	other: Map<number, number>;
	latencies: number[];
}

export type WriteKind = 'action' | 'checkin' | 'contribution';

export interface WriteRequest {
	path: string;
	cookie: string;
	body: string;
}

/** Picks writers in turn (spread over the dataset) so no one reaches a daily cap or the throttle. */
export class WriteMaker {
	// Each run starts somewhere else, so repeated runs on one day spread over every writer's caps.
	private next = Math.floor(Math.random() * 1_000_000);
	constructor(
		private readonly f: Fixtures,
		private readonly origin: string
	) {}

	private writer() {
		const w = this.f.writers[this.next % this.f.writers.length];
		this.next++;
		return w;
	}

	/** An action log for today by the next writer. */
	action(): WriteRequest {
		const w = this.writer();
		const actionId = this.f.actionIds[Math.floor(Math.random() * this.f.actionIds.length)];
		return {
			path: '/today?/log',
			cookie: w.cookie,
			body: new URLSearchParams({
				actionId: String(actionId),
				count: '1',
				day: this.f.today,
				mode: 'person',
				idempotencyKey: randomUUID()
			}).toString()
		};
	}

	/** Today's check-in on the next writer's pledge (an action log when it is already in). */
	checkin(): WriteRequest {
		for (let tries = 0; tries < this.f.writers.length; tries++) {
			const w = this.writer();
			if (this.f.checkedIn.has(w.pledgeId)) continue;
			this.f.checkedIn.add(w.pledgeId);
			return {
				path: '/pledges?/checkin',
				cookie: w.cookie,
				body: new URLSearchParams({
					pledgeId: String(w.pledgeId),
					day: 'today',
					count: '1',
					idempotencyKey: randomUUID()
				}).toString()
			};
		}
		return this.action();
	}

	/** The steward records ten PET bottles brought by the next writer. */
	contribution(): WriteRequest {
		const s = this.f.steward;
		const contributor = s.contributors[this.next++ % s.contributors.length];
		return {
			path: '/steward?/record',
			cookie: s.cookie,
			body: new URLSearchParams({
				pointId: String(s.pointId),
				playgroundId: String(s.playgroundId),
				contributor: 'bench',
				pick: `u:${contributor}`,
				material: 'pet_bottles',
				count: '10',
				idempotencyKey: randomUUID()
			}).toString()
		};
	}

	/** The mix of a school morning: 60 % actions, 25 % check-ins, 15 % drop-offs. */
	mixed(): WriteRequest {
		const r = Math.random();
		return r < 0.6 ? this.action() : r < 0.85 ? this.checkin() : this.contribution();
	}

	headers(cookie: string): Record<string, string> {
		// As a phone without JavaScript sends the form: HTML wanted, so success is a 303.
		return {
			cookie,
			origin: this.origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		};
	}
}

/**
 * Sends `maker.mixed()` writes at `perSecond` until stopped; `stop()` waits for the last answers.
 * At most `maxInFlight` wait for their answer at once (phones waiting on a slow server do not
 * send more); a write due while that many wait is skipped and counted, so an overloaded server
 * shows as skipped writes rather than a queue that grows until it times out.
 */
export function startWriter(origin: string, maker: WriteMaker, perSecond: number, maxInFlight = 40) {
	const stats: WriteStats = { sent: 0, skipped: 0, written: 0, other: new Map(), latencies: [] };
	const inFlight = new Set<Promise<void>>();
	const started = performance.now();
	let stopped = false;
	const send = () => {
		const req = maker.mixed();
		const t0 = performance.now();
		stats.sent++;
		const p = fetch(origin + req.path, {
			method: 'POST',
			redirect: 'manual',
			headers: maker.headers(req.cookie),
			body: req.body
		})
			.then(async (res) => {
				await res.arrayBuffer();
				if (res.status === 303) stats.written++;
				else stats.other.set(res.status, (stats.other.get(res.status) ?? 0) + 1);
			})
			.catch(() => {
				stats.other.set(0, (stats.other.get(0) ?? 0) + 1);
			})
			.finally(() => {
				stats.latencies.push(performance.now() - t0);
				inFlight.delete(p);
			});
		inFlight.add(p);
	};
	// A fixed schedule: the n-th write goes at started + n / rate, however long answers take.
	const tick = () => {
		if (stopped) return;
		const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
		while (stats.sent + stats.skipped < due) {
			if (inFlight.size < maxInFlight) send();
			else stats.skipped++;
		}
		setTimeout(tick, Math.max(1, 1000 / perSecond / 2));
	};
	if (perSecond > 0) tick();
	return {
		stats,
		async stop(): Promise<WriteStats> {
			stopped = true;
			await Promise.all([...inFlight]);
			return stats;
		}
	};
}

/** p-th percentile of a list of numbers (0 when empty). */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
