import { env } from '$env/dynamic/private';
import { createDb, migrateDb, type Db, type DbHandle } from './client';
import { seedReferenceData } from './seed/reference';
import { demoEnabled, hasDemoAccounts, seedDemoData } from './seed/demo';

export type { Db } from './client';

let handle: DbHandle | undefined;
let ready: Promise<Db> | undefined;

/** The app's database: created, migrated and seeded once per process. */
export function getDb(): Promise<Db> {
	ready ??= (async () => {
		handle = await createDb({
			url: env.DATABASE_URL || 'file:data/songxanh.db',
			authToken: env.DATABASE_AUTH_TOKEN,
			syncUrl: env.DATABASE_SYNC_URL
		});
		await migrateDb(handle.db);
		await seedReferenceData(handle.db);
		if (demoEnabled(env.DEMO_DATA, env.NODE_ENV ?? process.env.NODE_ENV)) await seedDemoData(handle.db);
		if (await hasDemoAccounts(handle.db)) printDemoAccounts();
		return handle.db;
	})();
	return ready;
}

function printDemoAccounts() {
	// Start-up output, not a request path: tells a newcomer how to sign in.
	console.info(
		'[songxanh] Demo accounts: sign in with one of: demo-organiser, demo-teacher, demo-student, demo-family, demo-steward — password: songxanh-demo'
	);
}
