/**
 * The leaderboard benchmark: `npm run bench` (after `npm run bench:data`, or it makes the data).
 * Builds the app, starts the real server (`node build`) on the 2M-entry dataset, signs in, and with
 * autocannon measures a bare page in the same layout against three boards. Then times the board
 * queries in-process on the 2M and the 10× smaller dataset. The last line is the throughput ratio.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildInto } from '../helpers/build';
import { makeDataset } from './data';
import { initialJs } from './initial-js';
import { signIn, startServer } from './server';
import { timeBoardQueries } from './queries';
import { printDashboardTimes, timeDashboardQueries } from './impact-queries';
import { parseArgs, ROOT, sidecarPath, type BenchInfo } from './util';

const args = parseArgs(process.argv.slice(2));
const BIG = String(args.db ?? 'file:tests/.tmp/bench/bench-2m.db');
const SMALL = String(args['small-db'] ?? 'file:tests/.tmp/bench/bench-200k.db');
const PORT = Number(args.port ?? 4291);
const DURATION = Number(args.duration ?? 10);
const WARMUP = Number(args.warmup ?? 3);
const CONNECTIONS = Number(args.connections ?? 25);
const BUILD_DIR = join(ROOT, 'tests', '.tmp', 'bench', 'build');
/** `--no-cache` measures the server with the board memo off (every request runs every query). */
const MEMO = args['no-cache'] ? 'off' : 'on';
const origin = `http://localhost:${PORT}`;

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

async function measure(name: string, path: string, cookie: string) {
	const headers = { cookie };
	const first = await fetch(origin + path, { headers, redirect: 'manual' });
	const body = await first.text();
	if (first.status !== 200) throw new Error(`${name}: ${path} answered ${first.status}`);
	await autocannon({ url: origin + path, connections: CONNECTIONS, duration: WARMUP, headers });
	const r = await autocannon({ url: origin + path, connections: CONNECTIONS, duration: DURATION, headers });
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
const small = await dataset(SMALL, { students: 10_000, households: 2_000, entries: 200_000 });
buildInto(BUILD_DIR, !!args['skip-build']);

const server = await startServer(BUILD_DIR, PORT, {
	NODE_ENV: 'production',
	DATABASE_URL: BIG,
	DEMO_DATA: 'off',
	BOARD_CACHE: MEMO
});
const results: Awaited<ReturnType<typeof measure>>[] = [];
let js: ReturnType<typeof initialJs>;
try {
	const cookie = await signIn(origin, big.username, big.password);
	const targets: [string, string][] = [
		['bare page (/account)', '/account'],
		['class board of a school, this week', `/boards/class-in-school/${big.schoolId}?window=week`],
		[
			'household board of a neighbourhood, this month',
			`/boards/household-in-neighbourhood/${big.neighbourhoodId}?window=month`
		],
		['school board of an area, all time', `/boards/school-in-area/${big.provinceId}?window=all`]
	];
	for (const [name, path] of targets) {
		results.push(await measure(name, path, cookie));
		console.info(`  ${name}: ${Math.round(results.at(-1)!.rps)} req/s, p99 ${results.at(-1)!.p99} ms`);
	}
	js = initialJs(BUILD_DIR, origin, results[1].body, results[1].link, origin + results[1].path);
	if (js.files.some((f) => readFileSync(join(BUILD_DIR, 'client', f), 'utf8').includes('getChart'))) {
		throw new Error("chart.js is in the board route's initial JavaScript: it must load lazily");
	}
} finally {
	server.kill();
}

console.info('timing board queries in-process on both datasets…');
const tBig = await timeBoardQueries(big);
const tSmall = await timeBoardQueries(small);
const scale = tBig.medianMs / tSmall.medianMs;
console.info('timing impact dashboard queries in-process on both datasets…');
const dBig = await timeDashboardQueries(big);
const dSmall = await timeDashboardQueries(small);

const [bare, ...boards] = results;
const ratio = Math.min(...boards.map((b) => b.rps / bare.rps));
const kib = js.gzipBytes / 1024;
const summary = {
	when: new Date().toISOString(),
	dataset: {
		entries: big.counts.entries,
		rollups: big.counts.rollups,
		areaRollups: big.counts.areaRollups,
		students: big.students,
		households: big.households,
		generatedInSeconds: big.seconds
	},
	connections: CONNECTIONS,
	boardMemo: MEMO,
	durationSeconds: DURATION,
	pages: results.map(({ name, path, rps, p99 }) => ({ name, path, rps: Math.round(rps), p99 })),
	boardJsFiles: js.files.length,
	boardJsGzipKiB: Number(kib.toFixed(1)),
	boardQueriesMs: { big: Number(tBig.medianMs.toFixed(3)), small: Number(tSmall.medianMs.toFixed(3)) },
	scaleRatio: Number(scale.toFixed(2)),
	throughputRatio: Number(ratio.toFixed(2)),
	dashboardQueriesMs: dBig.map((d, i) => ({
		name: d.name,
		big: Number(d.medianMs.toFixed(1)),
		small: Number(dSmall[i].medianMs.toFixed(1)),
		perBoardRound: Number((d.medianMs / tBig.medianMs).toFixed(1))
	}))
};
writeFileSync(
	join(ROOT, 'tests', '.tmp', 'bench', `last-memo-${MEMO}.json`),
	JSON.stringify(summary, null, 2)
);

console.info('');
console.info(
	`dataset: ${big.counts.entries.toLocaleString('en')} ledger entries, ${big.counts.rollups.toLocaleString('en')} rollup rows, ${big.counts.areaRollups.toLocaleString('en')} area rows`
);
console.info(
	`autocannon: ${CONNECTIONS} connections, ${WARMUP} s warm-up, ${DURATION} s measured per page; board memo ${MEMO}`
);
for (const r of results)
	console.info(
		`${r.name.padEnd(50)} ${String(Math.round(r.rps)).padStart(6)} req/s   p99 ${String(r.p99).padStart(4)} ms`
	);
console.info(
	`board route JS before the chart (gzipped): ${kib.toFixed(1)} KiB in ${js.files.length} files (target ≤ 75 KiB)`
);
for (const f of js.biggest) console.info(`  ${(f.bytes / 1024).toFixed(1).padStart(5)} KiB  ${f.file}`);
console.info(
	`board queries per request, median: ${tBig.medianMs.toFixed(2)} ms at 2M entries, ${tSmall.medianMs.toFixed(2)} ms at 200k`
);
console.info(`scale ratio (2M/200k entries): ${scale.toFixed(2)}`);
console.info(`leaderboard/bare throughput ratio: ${ratio.toFixed(2)}`);
printDashboardTimes(dBig, dSmall, { big: big.counts.entries, small: small.counts.entries });
