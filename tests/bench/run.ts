/**
 * The leaderboard benchmark: `npm run bench` (after `npm run bench:data`, or it makes the data).
 * Builds the app, starts the real server (`node build`) on the 2M-entry dataset, signs in, and with
 * autocannon measures a bare page in the same layout against three boards. Then times the board
 * queries in-process on the 2M and the 10× smaller dataset. The last line is the throughput ratio.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { buildInto } from '../helpers/build';
import { makeDataset } from './data';
import { timeBoardQueries } from './queries';
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

function build() {
	buildInto(BUILD_DIR, !!args['skip-build']);
}

async function startServer(dbUrl: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, [join(BUILD_DIR, 'index.js')], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(PORT),
			ORIGIN: origin,
			DATABASE_URL: dbUrl,
			DEMO_DATA: 'off',
			APP_TIMEZONE: 'Asia/Ho_Chi_Minh',
			BOARD_CACHE: MEMO
		}
	});
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${origin}/healthz`)).ok) return child;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	child.kill();
	throw new Error('server did not start');
}

async function signIn(info: BenchInfo): Promise<string> {
	const res = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: info.username, password: info.password })
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sx_session='));
	if (!cookie) throw new Error(`sign-in failed (${res.status})`);
	return cookie.split(';')[0];
}

/**
 * Gzipped JavaScript a page loads before anything lazy: the modulepreloads SvelteKit announces
 * (Link header and tags), the start script's imports, and every static import they pull in,
 * followed through the built files, plus the language table the root layout loads. Other dynamic
 * `import()`s (chart.js) are not followed.
 */
function initialJs(html: string, linkHeader: string, pageUrl: string) {
	const seeds = new Set<string>();
	for (const m of linkHeader.matchAll(/<([^>]+\.js)>;\s*rel="modulepreload"/g)) seeds.add(m[1]);
	for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) seeds.add(m[1]);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) seeds.add(m[1]);
	const files = new Set<string>();
	const visit = (pathname: string) => {
		if (files.has(pathname)) return;
		files.add(pathname);
		const code = readFileSync(join(BUILD_DIR, 'client', pathname), 'utf8');
		for (const m of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"']+\.js)["']/g)) {
			visit(new URL(m[1], `${origin}${pathname}`).pathname);
		}
	};
	for (const seed of seeds) visit(new URL(seed, pageUrl).pathname);
	// The root layout imports one language's message table before the page hydrates: count the
	// larger of the two (and what it imports), since one of them is always needed.
	const rootLayout = [...files].find((f) => /\/nodes\/0\.[\w-]+\.js$/.test(f));
	if (rootLayout) {
		const code = readFileSync(join(BUILD_DIR, 'client', rootLayout), 'utf8');
		const tables = [...code.matchAll(/import\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g)].map(
			(m) => new URL(m[1], `${origin}${rootLayout}`).pathname
		);
		const gz = (f: string) => gzipSync(readFileSync(join(BUILD_DIR, 'client', f))).length;
		const largest = tables.sort((a, b) => gz(b) - gz(a))[0];
		if (largest) visit(largest);
	}
	const sizes = [...files].map((file) => ({
		file,
		bytes: gzipSync(readFileSync(join(BUILD_DIR, 'client', file))).length
	}));
	sizes.sort((a, b) => b.bytes - a.bytes);
	return { files: [...files], gzipBytes: sizes.reduce((n, f) => n + f.bytes, 0), biggest: sizes.slice(0, 3) };
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

const big = await dataset(BIG, { students: 100_000, households: 20_000, entries: 2_000_000 });
const small = await dataset(SMALL, { students: 10_000, households: 2_000, entries: 200_000 });
build();

const server = await startServer(BIG);
const results: Awaited<ReturnType<typeof measure>>[] = [];
let js: ReturnType<typeof initialJs>;
try {
	const cookie = await signIn(big);
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
	js = initialJs(results[1].body, results[1].link, origin + results[1].path);
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
	throughputRatio: Number(ratio.toFixed(2))
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
