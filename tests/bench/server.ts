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
 * Starts `node build` on a dataset and waits for /healthz. `BENCH_NODE_OPTIONS` (say
 * `--cpu-prof --cpu-prof-dir=tests/.tmp/prof`) is passed to the server's node, to profile it.
 */
export async function startServer(
	port: number,
	dbUrl: string,
	memo: 'on' | 'off'
): Promise<{ origin: string; child: ChildProcess; stop: () => Promise<void> }> {
	const origin = `http://localhost:${port}`;
	const nodeArgs = (process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
	const child = spawn(process.execPath, [...nodeArgs, join(BUILD_DIR, 'index.js')], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_URL: dbUrl,
			DEMO_DATA: 'off',
			APP_TIMEZONE: 'Asia/Ho_Chi_Minh',
			BOARD_CACHE: memo
		}
	});
	const stop = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			// SIGINT lets node write its CPU profile on the way out.
			child.kill('SIGINT');
		});
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${origin}/healthz`)).ok) return { origin, child, stop };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	child.kill();
	throw new Error('server did not start');
}

/** Signs in through the login form and returns the session cookie (`name=value`). */
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
