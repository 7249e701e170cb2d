import { spawn } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The journeys' servers: the real build (`node build`) on a database of its own. globalSetup seeds
// the demo once into `templateDb`; each spec (see fixtures.ts) gets a copy and a server of its own,
// so no spec sees what another one wrote.
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const e2ePort = Number(process.env.E2E_PORT ?? 4173);
export const dataDir = join(root, 'tests', '.tmp', `e2e-${e2ePort}`);
export const templateDb = join(dataDir, 'demo.db');

export interface Server {
	url: string;
	stop: () => Promise<void>;
}

/** A port the system has free right now (ephemeral range: never another helper's fixed port). */
export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => done(port));
		});
	});
}

/** Starts `node build` on `dbFile` at `port` and resolves once it listens (start-up seeds an empty file). */
export function startServer(dbFile: string, port: number, timeoutMs = 240_000): Promise<Server> {
	const origin = `http://localhost:${port}`;
	const child = spawn(process.execPath, ['build'], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_URL: `file:${dbFile}`,
			DEMO_DATA: 'on',
			BODY_SIZE_LIMIT: '2M',
			APP_TIMEZONE: 'Asia/Ho_Chi_Minh'
		}
	});
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => {
		out += d;
		process.stderr.write(d);
	});
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
	};
	return new Promise((done, fail) => {
		const timer = setTimeout(() => {
			void stop();
			fail(new Error(`the server for ${dbFile} did not listen within ${timeoutMs} ms:\n${out}`));
		}, timeoutMs);
		child.stdout!.on('data', () => {
			if (out.includes('Listening on')) {
				clearTimeout(timer);
				done({ url: origin, stop });
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			fail(new Error(`the server for ${dbFile} exited (${code}) before it listened:\n${out}`));
		});
	});
}

/** A copy of the seeded demo database at `dbFile`, served on a free port. */
export async function serveDemoCopy(dbFile: string): Promise<Server> {
	copyFileSync(templateDb, dbFile);
	const server = await startServer(dbFile, await freePort());
	return {
		url: server.url,
		stop: async () => {
			await server.stop();
			for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
		}
	};
}
