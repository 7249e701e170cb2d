import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { createDb, migrateDb, type DbHandle } from '../../src/lib/server/db/client';
import { seedReferenceData } from '../../src/lib/server/db/seed/reference';

export const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export interface TestDb extends DbHandle {
	path: string;
	url: string;
}

/**
 * A fresh temp-file libSQL database with the real migrations (and the reference data unless
 * `reference: false`), removed after the test file. Not `:memory:`: libSQL transactions use
 * another connection, which would see a different, empty database.
 */
export async function createTestDb(options: { reference?: boolean } = {}): Promise<TestDb> {
	const dir = mkdtempSync(join(tmpdir(), 'songxanh-test-'));
	const path = join(dir, 'test.db');
	const url = `file:${path}`;
	const handle = await createDb({ url });
	await migrateDb(handle.db, MIGRATIONS);
	if (options.reference !== false) await seedReferenceData(handle.db);
	afterAll(() => {
		handle.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return { ...handle, path, url };
}
