import { env } from '$env/dynamic/private';
import type { Db, DbHandle } from './client';
import { explain, openDatabase } from './startup';
import { seedReferenceData } from './seed/reference';
import { demoEnabled, hasDemoAccounts, seedDemoData } from './seed/demo';

export type { Db } from './client';

let handle: DbHandle | undefined;
let ready: Promise<Db> | undefined;

/** The URL the app uses: DATABASE_URL, or the default file. */
export function databaseUrl(): string {
	return env.DATABASE_URL ?? 'file:data/songxanh.db';
}

/**
 * The app's database: opened, checked, migrated and seeded once per process. Fails with a
 * DatabaseStartError (one line for the operator) when the database cannot be used.
 */
export function getDb(): Promise<Db> {
	ready ??= (async () => {
		const url = databaseUrl();
		handle = await openDatabase({
			url,
			authToken: env.DATABASE_AUTH_TOKEN,
			syncUrl: env.DATABASE_SYNC_URL,
			syncIntervalS: env.DATABASE_SYNC_INTERVAL ? Number(env.DATABASE_SYNC_INTERVAL) : undefined
		});
		try {
			await seedReferenceData(handle.db);
			if (demoEnabled(env.DEMO_DATA, env.NODE_ENV ?? process.env.NODE_ENV)) {
				await seedDemoData(handle.db, new Date(), () =>
					console.info('[songxanh] Seeding the demo (first start on an empty database)…')
				);
			}
			if (await hasDemoAccounts(handle.db)) printDemoAccounts();
		} catch (error) {
			throw explain(url, error);
		}
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
