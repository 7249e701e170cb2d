/**
 * The performance benchmark: `npm run bench` (after `npm run bench:data`, or it makes the data).
 * Builds the app and starts the real server (`node build`) on the 2M-entry dataset, then with
 * autocannon:
 * 1. read-only: a bare page in the same layout against three boards (one hot board each);
 * 2. a school morning: while a background writer logs actions, check-ins and drop-offs at
 *    `--write-rate` per second, the bare page against 200 class and household boards in turn;
 * 3. the write path: the bare page against action logs (form POSTs) as fast as they are answered,
 *    `--write-connections` at once;
 * 4. the school morning again on a server with the board memo off.
 * Each ratio's two sides are measured in turns (measure.ts: `--rounds` slices of `--duration`
 * seconds each). Then it times the board queries in-process on the 2M and the 10× smaller
 * dataset, in turns too. The last lines are the ratios the README's Performance section reports.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDataset } from './data';
import { makeFixtures } from './fixtures';
import { assertChartLazy, initialJs } from './js';
import { actionLogs, measureTogether, page, rotation, type Load, type Measured } from './measure';
import { timeBoardQueries } from './queries';
import { printDashboardTimes, timeDashboardQueries } from './impact-queries';
import { build, startBenchServer, signIn } from './server';
import { parseArgs, ROOT, sidecarPath, type BenchInfo } from './util';
import { percentile, startWriter, WriteMaker, type WriteStats } from './writer';

const args = parseArgs(process.argv.slice(2));
const BIG = String(args.db ?? 'file:tests/.tmp/bench/bench-2m.db');
const SMALL = String(args['small-db'] ?? 'file:tests/.tmp/bench/bench-200k.db');
const PORT = Number(args.port ?? 4291);
const WRITE_RATE = Number(args['write-rate'] ?? 20);
const WRITE_CONNECTIONS = Number(args['write-connections'] ?? 20);
const load = (origin: string, pid?: number): Load => ({
	origin,
	pid,
	connections: Number(args.connections ?? 25),
	warmup: Number(args.warmup ?? 3),
	duration: Number(args.duration ?? 20),
	rounds: Number(args.rounds ?? 4)
});
/**
 * `--only read,mixed,writes,off,scale,impact` runs some phases (for profiling); the ratios need all.
 * `--only impact` alone times the dashboard's queries on the datasets as they are, with no server.
 */
const only = typeof args.only === 'string' ? new Set(args.only.split(',')) : null;
const phase = (name: string) => !only || only.has(name);

async function dataset(
	url: string,
	size: { students: number; households: number; entries: number }
): Promise<BenchInfo> {
	const side = sidecarPath(url);
	if (existsSync(side)) {
		const info = JSON.parse(readFileSync(side, 'utf8')) as BenchInfo;
		if (info.entries === size.entries) return info;
	}
	console.info(`making dataset ${url} (${size.entries.toLocaleString('en')} entries)…`);
	return makeDataset({ ...size, db: url });
}

const line = (r: Measured) =>
	`${r.name.padEnd(58)} ${String(Math.round(r.rps)).padStart(6)} req/s   p99 ${String(r.p99).padStart(5)} ms   server CPU ${r.cpuMs.toFixed(2).padStart(6)} ms/answer`;
const log = (r: Measured) => (console.info(`  ${line(r).trim()}`), r);
const writes = (s: WriteStats, seconds: number) =>
	`${s.written} written (${(s.written / seconds).toFixed(1)}/s), ${[...s.other].map(([k, n]) => `${n}× ${k || 'error'}`).join(', ') || 'none refused'}${s.skipped ? `, ${s.skipped} skipped (40 waiting)` : ''}, p99 ${Math.round(percentile(s.latencies, 99))} ms`;

// `--only impact`: the dashboard's query set alone, on the datasets as they are (no server).
if (args.only === 'impact') {
	const existing = (url: string) => JSON.parse(readFileSync(sidecarPath(url), 'utf8')) as BenchInfo;
	const [b, s] = [existing(BIG), existing(SMALL)];
	printDashboardTimes(await timeDashboardQueries(b), await timeDashboardQueries(s), {
		big: b.counts.entries,
		small: s.counts.entries
	});
	process.exit(0);
}

const big = await dataset(BIG, { students: 100_000, households: 20_000, entries: 2_000_000 });
const small = phase('scale')
	? await dataset(SMALL, { students: 10_000, households: 2_000, entries: 200_000 })
	: null;
build(!!args['skip-build']);
console.info('making the benchmark accounts, sessions, pledges and collection point…');
const fixtures = await makeFixtures(BIG);
const maker = new WriteMaker(fixtures, `http://localhost:${PORT}`);

/** A school morning on one server: the bare page and the boards in turn, under the writer. */
async function morning(origin: string, pid: number | undefined, cookie: string, label: string) {
	const targets = [
		await page(origin, `bare page under writes${label}`, '/account', cookie),
		await rotation(origin, `${fixtures.boards.length} boards in turn under writes${label}`, fixtures.boards)
	];
	const writer = startWriter(origin, maker, WRITE_RATE);
	const t0 = performance.now();
	const [bare, boards] = (await measureTogether(load(origin, pid), targets)).map(log);
	const stats = await writer.stop();
	console.info(`  background writes: ${writes(stats, (performance.now() - t0) / 1000)}`);
	return { bare, boards, stats };
}

const readOnly: Measured[] = [];
let js: ReturnType<typeof initialJs> | null = null;
let mixed: Awaited<ReturnType<typeof morning>> | null = null;
let writePath: { bare: Measured; writes: Measured } | null = null;
let memoOff: Awaited<ReturnType<typeof morning>> | null = null;

if (phase('read') || phase('mixed') || phase('writes')) {
	const server = await startBenchServer(PORT, BIG, 'on');
	try {
		const cookie = await signIn(server.origin, big.username, big.password);
		if (phase('read')) {
			console.info('read-only, board memo on (the pages in turns):');
			const targets: [string, string][] = [
				['bare page (/account)', '/account'],
				['class board of a school, this week', `/boards/class-in-school/${big.schoolId}?window=week`],
				[
					'household board of a neighbourhood, this month',
					`/boards/household-in-neighbourhood/${big.neighbourhoodId}?window=month`
				],
				['school board of an area, all time', `/boards/school-in-area/${big.provinceId}?window=all`]
			];
			const pages = [];
			for (const [name, path] of targets) pages.push(await page(server.origin, name, path, cookie));
			readOnly.push(...(await measureTogether(load(server.origin, server.child.pid), pages)).map(log));
			if (readOnly[1]) {
				js = initialJs(readOnly[1].body, readOnly[1].link, server.origin + readOnly[1].path);
				assertChartLazy(js.files);
			}
		}
		if (phase('mixed')) {
			console.info(`a school morning (${WRITE_RATE} writes/s), board memo on:`);
			mixed = await morning(server.origin, server.child.pid, cookie, '');
		}
		if (phase('writes')) {
			console.info('the write path:');
			const [bare, logs] = (
				await measureTogether(load(server.origin, server.child.pid), [
					await page(server.origin, 'bare page, beside the action logs', '/account', cookie),
					actionLogs(maker, WRITE_CONNECTIONS)
				])
			).map(log);
			writePath = { bare, writes: logs };
			if (logs.refused) console.info(`  (${logs.refused} logs refused)`);
		}
	} finally {
		await server.stop();
	}
}
if (phase('off')) {
	const server = await startBenchServer(PORT, BIG, 'off');
	try {
		const cookie = await signIn(server.origin, big.username, big.password);
		console.info(`a school morning (${WRITE_RATE} writes/s), board memo off:`);
		memoOff = await morning(server.origin, server.child.pid, cookie, ', memo off');
	} finally {
		await server.stop();
	}
}

let scale: { big: number; small: number } | null = null;
if (small) {
	console.info('timing board queries in-process on both datasets…');
	const [b, s] = await timeBoardQueries([big, small]);
	scale = { big: b, small: s };
}
// The impact dashboard's queries (impact-queries.ts), on datasets made with its models.
const dashboards =
	small && phase('impact') && big.modelId !== undefined && small.modelId !== undefined
		? (console.info('timing impact dashboard queries in-process on both datasets…'),
			{ big: await timeDashboardQueries(big), small: await timeDashboardQueries(small) })
		: null;

const measured = [
	...readOnly,
	mixed?.bare,
	mixed?.boards,
	writePath?.bare,
	writePath?.writes,
	memoOff?.bare,
	memoOff?.boards
].filter((m): m is Measured => !!m);
const ratio = (a: Measured | undefined, b: Measured | undefined) => (a && b ? a.rps / b.rps : NaN);
const [bare, ...boards] = readOnly;
const r = {
	readOnly: boards.length ? Math.min(...boards.map((b) => ratio(b, bare))) : NaN,
	underWrites: ratio(mixed?.boards, mixed?.bare),
	memoOff: ratio(memoOff?.boards, memoOff?.bare),
	scale: scale ? scale.big / scale.small : NaN,
	writePath: ratio(writePath?.writes, writePath?.bare)
};
writeFileSync(
	join(ROOT, 'tests', '.tmp', 'bench', 'last.json'),
	JSON.stringify(
		{
			when: new Date().toISOString(),
			dataset: { ...big.counts, students: big.students, households: big.households },
			writeRate: WRITE_RATE,
			pages: measured.map(({ name, path, rps, p99 }) => ({ name, path, rps: Math.round(rps), p99 })),
			boardJsGzipKiB: js && Number((js.gzipBytes / 1024).toFixed(1)),
			boardQueriesMs: scale,
			dashboardQueriesMs: dashboards?.big.map((d, i) => ({
				name: d.name,
				big: Number(d.medianMs.toFixed(1)),
				small: Number(dashboards.small[i].medianMs.toFixed(1))
			})),
			ratios: r
		},
		null,
		2
	)
);

const f2 = (n: number) => (Number.isNaN(n) ? 'not measured' : n.toFixed(2));
const l = load('');
console.info('');
console.info(
	`dataset: ${big.counts.entries.toLocaleString('en')} ledger entries, ${big.counts.rollups.toLocaleString('en')} rollup rows, ${big.counts.areaRollups.toLocaleString('en')} area rows`
);
console.info(
	`autocannon: ${l.connections} connections (action logs: ${WRITE_CONNECTIONS}), ${l.warmup} s warm-up, ${l.duration} s measured per page in ${l.rounds} turns with the pages it is compared with; background writer ${WRITE_RATE}/s`
);
for (const m of measured) console.info(line(m));
if (js) {
	console.info(
		`board route JS before the chart (gzipped): ${(js.gzipBytes / 1024).toFixed(1)} KiB in ${js.files.length} files (target ≤ 75 KiB)`
	);
	for (const f of js.biggest) console.info(`  ${(f.bytes / 1024).toFixed(1).padStart(5)} KiB  ${f.file}`);
}
if (scale)
	console.info(
		`board queries per request, median: ${scale.big.toFixed(2)} ms at 2M entries, ${scale.small.toFixed(2)} ms at 200k`
	);
if (dashboards && small)
	printDashboardTimes(dashboards.big, dashboards.small, {
		big: big.counts.entries,
		small: small.counts.entries
	});
// Requests per CPU second of the server, in the same ratios: what the ratios would be on a machine
// the server had to itself, were it bound by its CPU (reads are; writes also wait for the disk).
const cpu = (a: Measured | undefined, b: Measured | undefined) => (a && b ? b.cpuMs / a.cpuMs : NaN);
console.info(
	`the same ratios in server CPU per answer: read-only ${f2(boards.length ? Math.min(...boards.map((b) => cpu(b, bare))) : NaN)}, under writes ${f2(cpu(mixed?.boards, mixed?.bare))}, memo off ${f2(cpu(memoOff?.boards, memoOff?.bare))}, write path ${f2(cpu(writePath?.writes, writePath?.bare))}`
);
console.info(`leaderboard/bare throughput ratio: ${f2(r.readOnly)}`);
console.info(`leaderboard/bare throughput ratio under writes: ${f2(r.underWrites)}`);
console.info(`leaderboard/bare throughput ratio, memo off: ${f2(r.memoOff)}`);
console.info(`scale ratio (2M/200k entries): ${f2(r.scale)}`);
console.info(
	`write path/bare page throughput ratio: ${f2(r.writePath)}${writePath ? ` (p99 ${writePath.writes.p99} ms)` : ''}`
);
