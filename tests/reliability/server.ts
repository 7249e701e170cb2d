import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

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
