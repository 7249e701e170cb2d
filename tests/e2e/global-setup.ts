import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { dataDir, e2ePort, root, startServer, templateDb } from './servers';

/**
 * Builds the app (unless E2E_SKIP_BUILD) and seeds the demo once: the first start of the real build
 * on an empty file at E2E_PORT, then a single-file copy (VACUUM INTO) that every spec starts from.
 */
export default async function globalSetup(): Promise<void> {
	rmSync(dataDir, { recursive: true, force: true });
	mkdirSync(dataDir, { recursive: true });
	// Under the shared build lock (tests/helpers/build.ts), so no other build swaps files meanwhile.
	const lock = existsSync('/usr/bin/flock') ? '/usr/bin/flock /tmp/songxanh-build.lock ' : '';
	if (!process.env.E2E_SKIP_BUILD) execSync(`${lock}npx vite build`, { cwd: root, stdio: 'inherit' });
	const seeded = join(dataDir, 'seeded.db');
	const server = await startServer(seeded, e2ePort);
	await server.stop();
	const client = createClient({ url: `file:${seeded}` });
	try {
		await client.execute(`VACUUM INTO '${templateDb.replaceAll("'", "''")}'`);
	} finally {
		client.close();
	}
}
