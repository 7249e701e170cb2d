import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema';
import { createLocalClient } from './local-client';
import { gateWrites } from './write-gate';

export type Db = LibSQLDatabase<typeof schema>;
/** A transaction handle; services that must join a caller's transaction accept `Db | Tx`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbConfig {
	url: string;
	authToken?: string;
	syncUrl?: string;
	/** With `syncUrl`: seconds between pulls of other instances' writes from the primary. */
	syncIntervalS?: number;
	/** Milliseconds a connection waits for a lock before SQLITE_BUSY. */
	busyTimeoutMs?: number;
	/** Local files: where WAL checkpoints run (local-client.ts); `background` unless told. */
	checkpoints?: 'background' | 'on-commit';
}

export interface DbHandle {
	db: Db;
	client: Client;
	close(): void;
}

/** Applied to every connection the client opens (libSQL's transactions borrow their own). */
const CONNECTION_PRAGMAS = ['PRAGMA foreign_keys = ON', 'PRAGMA synchronous = FULL'];

/**
 * Makes the libSQL client and drizzle instance. A local file (not an embedded replica) gets the
 * statement-keeping client (local-client.ts), which applies the busy timeout and
 * `CONNECTION_PRAGMAS` to every connection it opens; remote servers and replicas get
 * `@libsql/client`. It creates the folder and switches the file to WAL (a property of the file,
 * kept across connections); `db-client.test.ts` checks the settings on pooled and transaction
 * connections alike.
 */
export async function createDb(config: DbConfig): Promise<DbHandle> {
	const isFile = config.url.startsWith('file:');
	const path = isFile ? filePath(config.url) : '';
	if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const timeout = config.busyTimeoutMs ?? 5000;
	const raw =
		isFile && !config.syncUrl && path && path !== ':memory:' && !config.url.includes('?')
			? createLocalClient(path, { timeout, pragmas: CONNECTION_PRAGMAS, checkpoints: config.checkpoints })
			: createClient({
					url: config.url,
					authToken: config.authToken || undefined,
					syncUrl: config.syncUrl || undefined,
					syncInterval: config.syncUrl ? (config.syncIntervalS ?? 5) : undefined,
					timeout
				});
	// Local files need in-process write queueing (see write-gate.ts); remote servers do not.
	const client = isFile ? gateWrites(raw) : raw;
	if (config.syncUrl) await client.sync();
	if (isFile && !config.syncUrl) {
		await client.execute('PRAGMA journal_mode = WAL');
	}
	if (isFile) {
		for (const pragma of CONNECTION_PRAGMAS) await client.execute(pragma);
	}
	const db = drizzle(client, { schema });
	return { db, client, close: () => client.close() };
}

/** The file of a `file:` URL: `file:data/x.db` (relative), `file:/abs/x.db` or `file:///abs/x.db`. */
function filePath(url: string): string {
	const rest = url.slice('file:'.length).split('?')[0];
	return decodeURIComponent(rest.startsWith('//') ? rest.replace(/^\/\/(localhost)?/, '') : rest);
}

/** Applies the committed migrations in `folder` (default: ./drizzle relative to the working directory). */
export async function migrateDb(db: Db, folder = 'drizzle'): Promise<void> {
	await migrate(db, { migrationsFolder: folder });
}
