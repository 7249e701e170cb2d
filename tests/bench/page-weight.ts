/**
 * Page weight: `npm run bench:weight` builds the app, starts it on a fresh demo database, signs
 * in as the demo steward and the demo student, and prints the gzipped JavaScript each daily page
 * loads before anything lazy (the budget is `WEIGHT_BUDGET_KIB`, tests/e2e/page-weight.ts), what its own `import()`s add once it runs
 * (chart.js and the other language left out), and where the offline queue's IndexedDB code comes:
 * in the first JavaScript, later, or not at all. It never comes first on a page that does not queue.
 *
 * `--base <git ref>` also builds that commit (e.g. `main`) from `git archive` in the same run and
 * prints each page's ratio to it. `--skip-build` reuses the last builds, `--port` picks the port
 * (default 4306). Exits 1 when a page is over budget or loads the queue first where it is not used.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { initialJs } from './initial-js';
import { buildInto } from '../helpers/build';
import { signIn, startServer } from './server';
import { parseArgs, ROOT } from './util';
import { WEIGHT_BUDGET_KIB } from '../e2e/page-weight';

const args = parseArgs(process.argv.slice(2));
const PORT = Number(args.port ?? 4306);
const DIR = join(ROOT, 'tests', '.tmp', 'weight');
const origin = `http://localhost:${PORT}`;
const base = typeof args.base === 'string' ? args.base : null;
const skipBuild = !!args['skip-build'];

const pages: { path: string; user: string; queues: boolean }[] = [
	{ path: '/account', user: 'demo-student', queues: false },
	{ path: '/steward', user: 'demo-steward', queues: true },
	{ path: '/today', user: 'demo-student', queues: true },
	{ path: '/pledges', user: 'demo-student', queues: true }
];

interface Weight {
	kib: number;
	files: number;
	laterKib: number;
	queue: 'first' | 'later' | '—';
}

/** Builds (unless told not to) and measures one checkout: `root` holds its sources and drizzle/. */
async function measure(root: string, buildDir: string, build: () => void): Promise<Record<string, Weight>> {
	if (!(skipBuild && existsSync(join(buildDir, 'index.js')))) build();
	const dbFile = join(buildDir, '..', `${buildDir.split('/').pop()}.db`);
	for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
	const server = await startServer(buildDir, PORT, { DATABASE_URL: `file:${dbFile}`, DEMO_DATA: 'on' }, root);
	const out: Record<string, Weight> = {};
	try {
		const cookies = new Map<string, string>();
		for (const { path, user } of pages) {
			if (!cookies.has(user)) cookies.set(user, await signIn(origin, user, 'songxanh-demo'));
			const res = await fetch(origin + path, { headers: { cookie: cookies.get(user)! }, redirect: 'manual' });
			if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
			const js = initialJs(buildDir, origin, await res.text(), res.headers.get('link') ?? '', origin + path);
			const hasQueue = (files: string[]) =>
				files.some((f) => readFileSync(join(buildDir, 'client', f), 'utf8').includes('indexedDB.open'));
			out[path] = {
				kib: js.gzipBytes / 1024,
				files: js.files.length,
				laterKib: js.deferredBytes / 1024,
				queue: hasQueue(js.files) ? 'first' : hasQueue(js.deferredFiles) ? 'later' : '—'
			};
		}
	} finally {
		server.kill();
	}
	return out;
}

mkdirSync(DIR, { recursive: true });
let before: Record<string, Weight> | null = null;
if (base) {
	const src = join(DIR, 'base-src');
	const buildDir = join(DIR, 'base-build');
	before = await measure(src, buildDir, () => {
		console.info(`building ${base}…`);
		rmSync(src, { recursive: true, force: true });
		mkdirSync(src, { recursive: true });
		execSync(`git archive ${JSON.stringify(base)} | tar -x -C ${JSON.stringify(src)}`, { cwd: ROOT });
		symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));
		execSync('npx vite build >/dev/null', { cwd: src, stdio: ['ignore', 'inherit', 'inherit'] });
		rmSync(buildDir, { recursive: true, force: true });
		execSync(`cp -r build ${JSON.stringify(buildDir)}`, { cwd: src });
	});
}
const buildDir = join(DIR, 'build');
const after = await measure(ROOT, buildDir, () => buildInto(buildDir));

let failed = false;
const kib = (n: number) => n.toFixed(1).padStart(5);
console.info(
	[
		'page      ',
		base ? `${base.padStart(9)}` : '',
		'      now',
		base ? 'now ÷ base' : '',
		'now ÷ budget',
		'   later',
		'queue'
	]
		.filter(Boolean)
		.join('  ')
);
for (const { path, queues } of pages) {
	const now = after[path];
	const was = before?.[path];
	const problems = [
		now.kib > WEIGHT_BUDGET_KIB ? 'OVER BUDGET' : '',
		now.queue === 'first' && !queues ? 'QUEUE LOADED FIRST WHERE UNUSED' : ''
	].filter(Boolean);
	if (problems.length) failed = true;
	console.info(
		[
			path.padEnd(10),
			was ? `${kib(was.kib)} KiB` : '',
			`${kib(now.kib)} KiB`,
			was ? (now.kib / was.kib).toFixed(3).padStart(10) : '',
			(now.kib / WEIGHT_BUDGET_KIB).toFixed(3).padStart(12),
			`${kib(now.laterKib)} KiB`,
			now.queue.padEnd(5),
			`(${now.files} files first)`,
			...problems
		]
			.filter(Boolean)
			.join('  ')
	);
}
if (failed) process.exit(1);
