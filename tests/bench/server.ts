import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './util';

/** Starts `node <buildDir>` on a port (in `cwd`, whose drizzle/ it migrates with) and waits until /healthz answers. */
export async function startServer(
	buildDir: string,
	port: number,
	env: Record<string, string>,
	cwd = ROOT
): Promise<ChildProcess> {
	const origin = `http://localhost:${port}`;
	const child = spawn(process.execPath, [join(buildDir, 'index.js')], {
		cwd,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, PORT: String(port), ORIGIN: origin, APP_TIMEZONE: 'Asia/Ho_Chi_Minh', ...env }
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
