import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the app and copies it to `dir`, under the build lock other runners use, so a build someone
 * starts during the run cannot swap the server's files.
 */
export function buildInto(dir: string, skip: boolean): string {
	const index = join(dir, 'index.js');
	if (skip && existsSync(index)) return index;
	console.info('building…');
	const script = `npx vite build >/dev/null && rm -rf '${dir}' && cp -r build '${dir}'`;
	const cmd = existsSync('/usr/bin/flock')
		? ['/usr/bin/flock', '/tmp/songxanh-build.lock', 'sh', '-c', script]
		: ['sh', '-c', script];
	const r = spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
	if (r.status !== 0) throw new Error('build failed');
	return index;
}

export interface Server {
	child: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
}

/** Starts `node <entry>` on `dbPath` and waits until it listens (or fails with its output). */
export async function startServer(
	entry: string,
	port: number,
	dbPath: string,
	timeoutMs = 120_000
): Promise<Server> {
	let out = '';
	const child = spawn(process.execPath, [entry], {
		cwd: ROOT,
		env: {
			PATH: process.env.PATH ?? '',
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATABASE_URL: `file:${dbPath}`,
			DEMO_DATA: 'on',
			BODY_SIZE_LIMIT: '2M',
			APP_TIMEZONE: 'Asia/Ho_Chi_Minh'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
	const started = Date.now();
	while (!out.includes('Listening on')) {
		if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited:\n${out}`);
		if (Date.now() - started > timeoutMs) {
			child.kill('SIGKILL');
			throw new Error(`server did not listen within ${timeoutMs} ms:\n${out}`);
		}
		await sleep(25);
	}
	return { child, output: () => out, exited };
}

export async function stopServer(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
	await server.exited;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
