import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { buildInto } from '../helpers/build';
import { ROOT } from './util';

export const BUILD_DIR = join(ROOT, 'tests', '.tmp', 'bench', 'build');

/** Builds the app into the benchmark's own folder (tests/helpers/build.ts), unless `skip` and it is there. */
export function build(skip: boolean): void {
	buildInto(BUILD_DIR, skip);
}

/**
 * Starts `node <buildDir>` on a port (in `cwd`, whose drizzle/ it migrates with) and waits until
 * /healthz answers (up to 4 minutes). `BENCH_NODE_OPTIONS` (say `--cpu-prof --cpu-prof-dir=tests/.tmp/prof`) is
 * passed to the server's node, to profile it.
 */
export async function startServer(
	buildDir: string,
	port: number,
	env: Record<string, string>,
	cwd = ROOT
): Promise<ChildProcess> {
	const origin = `http://localhost:${port}`;
	const nodeArgs = (process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
	const child = spawn(process.execPath, [...nodeArgs, join(buildDir, 'index.js')], {
		cwd,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, PORT: String(port), ORIGIN: origin, APP_TIMEZONE: 'Asia/Ho_Chi_Minh', ...env }
	});
	// Start-up reads the whole file once (`PRAGMA quick_check`, db/startup.ts): about a minute for
	// the 2.7 GB benchmark dataset on a busy machine.
	const deadline = Date.now() + 240_000;
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

/** The benchmark's server on a dataset, with the board memo on or off; `stop` lets a CPU profile be written. */
export async function startBenchServer(
	port: number,
	dbUrl: string,
	memo: 'on' | 'off'
): Promise<{ origin: string; child: ChildProcess; stop: () => Promise<void> }> {
	const child = await startServer(BUILD_DIR, port, {
		NODE_ENV: 'production',
		DATABASE_URL: dbUrl,
		DEMO_DATA: 'off',
		BOARD_CACHE: memo
	});
	const stop = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			// SIGINT lets node write its CPU profile on the way out.
			child.kill('SIGINT');
		});
	return { origin: `http://localhost:${port}`, child, stop };
}

/** Signs in with a username and password; returns the session cookie (`name=value`). */
export async function signIn(origin: string, username: string, password: string): Promise<string> {
	const res = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, password })
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sx_session='));
	if (!cookie) throw new Error(`sign-in failed (${res.status})`);
	return cookie.split(';')[0];
}
