/**
 * Page weight: `npm run bench:weight` builds the app, starts it on a fresh demo database, signs
 * in as the demo steward and the demo student, and prints the gzipped JavaScript each daily page
 * loads before anything lazy (the budget is 75 KiB). `--skip-build` reuses the last build,
 * `--port` picks the port (default 4306), `--save <name>` keeps the figures in tests/.tmp/weight/
 * and `--compare <name>` prints the ratio against figures saved earlier.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialJs } from './initial-js';
import { buildInto, signIn, startServer } from './server';
import { parseArgs, ROOT } from './util';

const args = parseArgs(process.argv.slice(2));
const PORT = Number(args.port ?? 4306);
const DIR = join(ROOT, 'tests', '.tmp', 'weight');
const BUILD_DIR = join(DIR, 'build');
const origin = `http://localhost:${PORT}`;
const BUDGET_KIB = 75;

const pages: { path: string; user: string }[] = [
	{ path: '/account', user: 'demo-student' },
	{ path: '/steward', user: 'demo-steward' },
	{ path: '/today', user: 'demo-student' },
	{ path: '/pledges', user: 'demo-student' }
];

mkdirSync(DIR, { recursive: true });
buildInto(BUILD_DIR, !!args['skip-build']);
const dbFile = join(DIR, 'weight.db');
for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
const server = await startServer(BUILD_DIR, PORT, { DATABASE_URL: `file:${dbFile}`, DEMO_DATA: 'on' });
const results: Record<string, { kib: number; files: number }> = {};
try {
	const cookies = new Map<string, string>();
	for (const { path, user } of pages) {
		if (!cookies.has(user)) cookies.set(user, await signIn(origin, user, 'songxanh-demo'));
		const res = await fetch(origin + path, { headers: { cookie: cookies.get(user)! }, redirect: 'manual' });
		if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
		const js = initialJs(BUILD_DIR, origin, await res.text(), res.headers.get('link') ?? '', origin + path);
		results[path] = { kib: Number((js.gzipBytes / 1024).toFixed(1)), files: js.files.length };
	}
} finally {
	server.kill();
}

const earlier =
	typeof args.compare === 'string' && existsSync(join(DIR, `${args.compare}.json`))
		? (JSON.parse(readFileSync(join(DIR, `${args.compare}.json`), 'utf8')) as typeof results)
		: null;
for (const [path, r] of Object.entries(results)) {
	const was = earlier?.[path];
	const ratio = was ? `  (${args.compare}: ${was.kib} KiB, ratio ${(r.kib / was.kib).toFixed(3)})` : '';
	const over = r.kib > BUDGET_KIB ? '  OVER BUDGET' : '';
	console.info(`${path.padEnd(10)} ${r.kib.toFixed(1).padStart(5)} KiB in ${r.files} files${ratio}${over}`);
}
if (typeof args.save === 'string')
	writeFileSync(join(DIR, `${args.save}.json`), JSON.stringify(results, null, 2));
