import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { WriteMaker } from './writer';

/*
 * Throughput is measured in interleaved slices: the pages compared in one ratio take turns, a
 * short slice each (in alternating order, ABBA…), and each page's figure is the sum over its
 * slices. On a shared machine the load from other processes moves by a factor of two within a
 * minute; measured one after the other, a ratio mostly reports that drift. In turns, both sides
 * of a ratio meet the same machine.
 */

export interface Load {
	origin: string;
	/** The server's process, to read the CPU time it spent (Linux /proc). */
	pid?: number;
	connections: number;
	warmup: number;
	/** Seconds measured per page, split into `rounds` slices. */
	duration: number;
	rounds: number;
}

export interface Measured {
	name: string;
	path: string;
	/** Answers that count per second: 2xx for pages, 303 for form POSTs. */
	rps: number;
	/** The highest p99 of its slices (autocannon gives no way to merge histograms). */
	p99: number;
	body: string;
	link: string;
	/** Answers that did not count (form POSTs only: refusals). */
	refused: number;
	/** The server's CPU time per answer (ms): what a request costs whatever else the machine runs. */
	cpuMs: number;
}

/** CPU time (user + system, ms) the process has used so far; NaN where /proc is missing. */
function cpuOf(pid: number | undefined): number {
	if (!pid) return NaN;
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		// utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second).
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return NaN;
	}
}

/** Something to measure: autocannon options, and which answers count. */
export interface Target {
	name: string;
	path: string;
	connections?: number;
	opts: Omit<autocannon.Options, 'url' | 'connections' | 'duration'>;
	/** Answers that count; throws when the run went wrong (errors, an unexpected status). */
	count: (r: autocannon.Result) => { ok: number; refused: number };
	body?: string;
	link?: string;
}

const pageCount = (name: string) => (r: autocannon.Result) => {
	if (r.non2xx || r.errors || r.timeouts)
		throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
	return { ok: r['2xx'], refused: 0 };
};

/** One page, read over and over by everyone with the same cookie. */
export async function page(origin: string, name: string, path: string, cookie: string): Promise<Target> {
	const first = await fetch(origin + path, { headers: { cookie }, redirect: 'manual' });
	const body = await first.text();
	if (first.status !== 200) throw new Error(`${name}: ${path} answered ${first.status}`);
	return {
		name,
		path,
		opts: { url: origin + path, headers: { cookie } } as never,
		count: pageCount(name),
		body,
		link: first.headers.get('link') ?? ''
	};
}

/**
 * Many boards in turn, each with the cookie of someone allowed to see it (as many classrooms'
 * screens would), so no single board's memo carries the load.
 */
export async function rotation(
	origin: string,
	name: string,
	pages: { path: string; cookie: string }[]
): Promise<Target> {
	for (const p of pages) {
		const res = await fetch(origin + p.path, { headers: { cookie: p.cookie }, redirect: 'manual' });
		await res.arrayBuffer();
		if (res.status !== 200) throw new Error(`${name}: ${p.path} answered ${res.status}`);
	}
	let next = 0;
	return {
		name,
		path: `${pages.length} boards in turn`,
		opts: {
			requests: [
				{
					setupRequest: (req: autocannon.RawRequest) => {
						const p = pages[next++ % pages.length];
						return { ...req, path: p.path, headers: { ...req.headers, cookie: p.cookie } };
					}
				}
			]
		},
		count: pageCount(name)
	};
}

/**
 * Action logs as fast as they are answered, each by the next student with a new idempotency key:
 * the write path's throughput (logs answered 303) and p99.
 */
export function actionLogs(maker: WriteMaker, connections: number): Target {
	return {
		name: 'action log (POST /today?/log)',
		path: '/today?/log',
		connections,
		opts: {
			requests: [
				{
					method: 'POST',
					setupRequest: (req: autocannon.RawRequest) => {
						const w = maker.action();
						return { ...req, method: 'POST', path: w.path, headers: maker.headers(w.cookie), body: w.body };
					}
				}
			]
		},
		count: (r) => {
			if (r.errors || r.timeouts) throw new Error(`action logs: ${r.errors} errors, ${r.timeouts} timeouts`);
			const ok = r.statusCodeStats['303']?.count ?? 0;
			const all = Object.values(r.statusCodeStats).reduce((n, s) => n + s.count, 0);
			return { ok, refused: all - ok };
		}
	};
}

const cannon = (load: Load, t: Target, seconds: number) =>
	autocannon({
		url: load.origin,
		connections: t.connections ?? load.connections,
		...t.opts,
		duration: seconds
	});

/** The targets in turns (see the module comment): a warm-up each, then `load.rounds` slices each. */
export async function measureTogether(load: Load, targets: Target[]): Promise<Measured[]> {
	for (const t of targets) await cannon(load, t, load.warmup);
	const slice = load.duration / load.rounds;
	const sums = targets.map(() => ({ ok: 0, refused: 0, p99: 0, cpu: 0 }));
	for (let round = 0; round < load.rounds; round++) {
		const order = targets.map((_, i) => i);
		if (round % 2) order.reverse();
		for (const i of order) {
			const cpu0 = cpuOf(load.pid);
			const r = await cannon(load, targets[i], slice);
			sums[i].cpu += cpuOf(load.pid) - cpu0;
			const { ok, refused } = targets[i].count(r);
			sums[i].ok += ok;
			sums[i].refused += refused;
			sums[i].p99 = Math.max(sums[i].p99, r.latency.p99);
		}
	}
	return targets.map((t, i) => ({
		name: t.name,
		path: t.path,
		rps: sums[i].ok / load.duration,
		p99: sums[i].p99,
		body: t.body ?? '',
		link: t.link ?? '',
		refused: sums[i].refused,
		cpuMs: sums[i].cpu / Math.max(1, sums[i].ok + sums[i].refused)
	}));
}
