import autocannon from 'autocannon';
import type { WriteMaker } from './writer';

export interface Load {
	origin: string;
	connections: number;
	warmup: number;
	duration: number;
}

export interface Measured {
	name: string;
	path: string;
	rps: number;
	p99: number;
	body: string;
	link: string;
}

async function run(load: Load, opts: Omit<autocannon.Options, 'url' | 'connections' | 'duration'>) {
	const base = { url: load.origin, connections: load.connections, ...opts };
	await autocannon({ ...base, duration: load.warmup });
	return autocannon({ ...base, duration: load.duration });
}

/** One page, read over and over by everyone with the same cookie. */
export async function measurePage(load: Load, name: string, path: string, cookie: string): Promise<Measured> {
	const first = await fetch(load.origin + path, { headers: { cookie }, redirect: 'manual' });
	const body = await first.text();
	if (first.status !== 200) throw new Error(`${name}: ${path} answered ${first.status}`);
	const r = await run(load, { url: load.origin + path, headers: { cookie } } as never);
	if (r.non2xx || r.errors || r.timeouts)
		throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
	return {
		name,
		path,
		rps: r.requests.average,
		p99: r.latency.p99,
		body,
		link: first.headers.get('link') ?? ''
	};
}

/**
 * Many boards in turn, each with the cookie of someone allowed to see it (as many classrooms'
 * screens would), so no single board's memo carries the load.
 */
export async function measureRotation(
	load: Load,
	name: string,
	pages: { path: string; cookie: string }[]
): Promise<Measured> {
	for (const p of pages) {
		const res = await fetch(load.origin + p.path, { headers: { cookie: p.cookie }, redirect: 'manual' });
		await res.arrayBuffer();
		if (res.status !== 200) throw new Error(`${name}: ${p.path} answered ${res.status}`);
	}
	let next = 0;
	const r = await run(load, {
		requests: [
			{
				setupRequest: (req: autocannon.RawRequest) => {
					const p = pages[next++ % pages.length];
					return { ...req, path: p.path, headers: { ...req.headers, cookie: p.cookie } };
				}
			}
		]
	});
	if (r.non2xx || r.errors || r.timeouts)
		throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
	return {
		name,
		path: `${pages.length} boards in turn`,
		rps: r.requests.average,
		p99: r.latency.p99,
		body: '',
		link: ''
	};
}

/**
 * Action logs as fast as they are answered, each by the next student with a new idempotency key:
 * the write path's throughput (logs answered 303 per second) and p99.
 */
export async function measureWrites(load: Load, maker: WriteMaker): Promise<Measured & { refused: number }> {
	const r = await run(load, {
		requests: [
			{
				method: 'POST',
				setupRequest: (req: autocannon.RawRequest) => {
					const w = maker.action();
					return { ...req, method: 'POST', path: w.path, headers: maker.headers(w.cookie), body: w.body };
				}
			}
		]
	});
	const written = r.statusCodeStats['303']?.count ?? 0;
	const refused = Object.entries(r.statusCodeStats)
		.filter(([code]) => code !== '303')
		.reduce((n, [, s]) => n + s.count, 0);
	if (r.errors || r.timeouts) throw new Error(`action logs: ${r.errors} errors, ${r.timeouts} timeouts`);
	return {
		name: 'action log (POST /today?/log)',
		path: '/today?/log',
		rps: written / load.duration,
		p99: r.latency.p99,
		body: '',
		link: '',
		refused
	};
}
