import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the app and copies the output to `dir` under the shared build lock, so a build someone
 * starts meanwhile cannot swap a running server's files. Returns the server's entry point.
 */
export function buildInto(dir: string, skip = false): string {
	const entry = join(dir, 'index.js');
	if (skip && existsSync(entry)) return entry;
	console.info('building…');
	const script = `npx vite build >/dev/null && rm -rf '${dir}' && cp -r build '${dir}'`;
	const lock = existsSync('/usr/bin/flock')
		? ['/usr/bin/flock', '/tmp/songxanh-build.lock', 'sh', '-c', script]
		: ['sh', '-c', script];
	const r = spawnSync(lock[0], lock.slice(1), { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
	if (r.status !== 0) throw new Error('build failed');
	return entry;
}
