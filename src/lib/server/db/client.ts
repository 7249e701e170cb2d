import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema';
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
}

export interface DbHandle {
	db: Db;
	client: Client;
	close(): void;
}

/** Applied to every connection the client opens (libSQL's transactions borrow their own). */
export const CONNECTION_PRAGMAS = ['PRAGMA foreign_keys = ON', 'PRAGMA synchronous = FULL'];

/**
 * Makes the libSQL client and drizzle instance. For local files it creates the folder, switches the
 * file to WAL (a property of the file, kept across connections) and sets per-connection settings
 * through the client's `timeout` option (busy timeout) and libSQL's own defaults (foreign keys on,
 * synchronous FULL), which `db-client.test.ts` checks on pooled and transaction connections alike.
 */
export async function createDb(config: DbConfig): Promise<DbHandle> {
	const isFile = config.url.startsWith('file:');
	if (isFile) {
		const path = config.url.slice('file:'.length).split('?')[0];
		if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	}
	const raw = createClient({
		url: config.url,
		authToken: config.authToken || undefined,
		syncUrl: config.syncUrl || undefined,
		syncInterval: config.syncUrl ? (config.syncIntervalS ?? 5) : undefined,
		timeout: config.busyTimeoutMs ?? 5000
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

/** Applies the committed migrations in `folder` (default: ./drizzle relative to the working directory). */
export async function migrateDb(db: Db, folder = 'drizzle'): Promise<void> {
	await migrate(db, { migrationsFolder: folder });
}
