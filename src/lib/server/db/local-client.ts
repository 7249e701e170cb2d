import {
	LibsqlError,
	type Client,
	type InArgs,
	type InStatement,
	type ResultSet,
	type Transaction,
	type TransactionMode
} from '@libsql/client';
import { Checkpointer } from './checkpoints';
import { Connection, keepsSchema } from './local-connection';
import { isWrite } from './write-gate';

/*
 * A libSQL client for local database files that keeps each connection's prepared statements and
 * commits off the event loop.
 *
 * `@libsql/client` prepares every statement anew (on a request path preparing cost about as much
 * as running) and runs COMMIT, with its fsync, on the event loop, so every request waited for
 * every write's disk flush. This client speaks the same `Client` interface (drizzle and the write
 * gate use it unchanged) over the same native driver, with the same connection model: a
 * transaction borrows a connection for its lifetime, everything else borrows one for one call.
 * What differs (local-connection.ts): statements stay prepared per connection, and BEGIN and
 * COMMIT of writes run on libSQL's threads. A write outside a transaction is made its own
 * transaction the same way. Durability is unchanged: WAL, synchronous FULL, one transaction per
 * write, and a commit is acknowledged only once its fsync returned. Remote URLs and embedded
 * replicas keep `@libsql/client`.
 */

const MAX_CONNECTIONS = 20;
/** A data change outside a transaction: made a transaction of its own, committed in the background. */
const DML = /^\s*(insert|update|delete|replace)\b/i;

/**
 * A deferred transaction takes the write lock here too, in the background: deferred, its first
 * write would wait for another process's lock on the main thread (the write gate queues deferred
 * transactions as writes anyway, so nothing in this process loses concurrency).
 */
const BEGIN: Record<TransactionMode, string> = {
	write: 'BEGIN IMMEDIATE',
	read: 'BEGIN TRANSACTION READONLY',
	deferred: 'BEGIN IMMEDIATE'
};

export interface LocalClientOptions {
	/** Busy timeout in milliseconds. */
	timeout: number;
	/** Run on every connection as it opens. */
	pragmas: string[];
	/**
	 * `background` (the default): WAL checkpoints run on a connection of their own, off every
	 * commit (checkpoints.ts). `on-commit`: SQLite's own, inside the commit that crosses 1000 WAL
	 * pages (kept for comparisons: tests/bench/checkpoint-writes.ts).
	 */
	checkpoints?: 'background' | 'on-commit';
}

/** A `Client` for a local file (`path` without `file:`), with prepared statements kept per connection. */
export function createLocalClient(path: string, options: LocalClientOptions): Client {
	const idle: Connection[] = [];
	const borrowed = new Set<Connection>();
	const waiters: { resolve: (c: Connection) => void; reject: (e: Error) => void }[] = [];
	let closed = false;
	const checkpointer = options.checkpoints === 'on-commit' ? null : new Checkpointer(path);
	const pragmas = checkpointer ? [...options.pragmas, 'PRAGMA wal_autocheckpoint = 0'] : options.pragmas;
	/** A write's turn with the checkpointer (it may hold writes back for a moment); call the end when done. */
	const writeTurn = async (): Promise<(committed: boolean) => void> =>
		checkpointer ? checkpointer.beginWrite() : () => {};
	/** `run` (which writes without BEGIN) in a write's turn. */
	const asWrite = async <T>(run: () => Promise<T>): Promise<T> => {
		const end = await writeTurn();
		let ok = false;
		try {
			const result = await run();
			ok = true;
			return result;
		} finally {
			end(ok);
		}
	};

	const check = () => {
		if (closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED');
	};
	const open = (): Connection => {
		const conn = new Connection(path, options.timeout);
		for (const pragma of pragmas) conn.script(pragma);
		return conn;
	};
	const acquire = async (): Promise<Connection> => {
		check();
		const conn =
			idle.pop() ??
			(borrowed.size < MAX_CONNECTIONS
				? open()
				: await new Promise<Connection>((resolve, reject) => waiters.push({ resolve, reject })));
		borrowed.add(conn);
		return conn;
	};
	const release = (conn: Connection) => {
		borrowed.delete(conn);
		if (conn.mayBeInTransaction()) {
			// Never hand on a connection in the middle of a transaction.
			try {
				conn.execute('ROLLBACK');
			} catch {
				conn.close();
				return;
			}
		}
		if (closed || !conn.open || conn.worn) return conn.close();
		const waiter = waiters.shift();
		if (waiter) {
			borrowed.add(conn);
			waiter.resolve(conn);
		} else idle.push(conn);
	};
	const using = async <T>(run: (c: Connection) => T | Promise<T>): Promise<T> => {
		const conn = await acquire();
		try {
			return await run(conn);
		} finally {
			release(conn);
		}
	};
	/** BEGIN, the statements, COMMIT: BEGIN and COMMIT in the background. */
	const inTransaction = async <T>(conn: Connection, mode: TransactionMode, run: () => T) => {
		const end = mode === 'read' ? () => {} : await writeTurn();
		let committed = false;
		try {
			await conn.background(BEGIN[mode]);
			const result = run();
			await conn.background('COMMIT');
			committed = true;
			return result;
		} finally {
			end(committed);
		}
	};
	const forgetAll = () => [...idle, ...borrowed].forEach((c) => c.forget());

	const client: Client = {
		protocol: 'file',
		get closed() {
			return closed;
		},
		execute: ((stmt: InStatement | string, args?: InArgs) => {
			const sql = typeof stmt === 'string' ? stmt : stmt.sql;
			return using((c) => {
				if (DML.test(sql)) return inTransaction(c, 'write', () => c.execute(stmt, args));
				const run = async () => {
					const result = c.execute(stmt, args);
					if (!keepsSchema(sql)) forgetAll();
					return result;
				};
				return isWrite(sql) ? asWrite(run) : run();
			});
		}) as Client['execute'],
		batch: (stmts, mode = 'deferred') => using((c) => inTransaction(c, mode, () => c.batch(stmts))),
		migrate: (stmts) =>
			using((c) =>
				asWrite(async () => {
					c.script('PRAGMA foreign_keys=off');
					try {
						c.execute('BEGIN DEFERRED');
						const results = c.batch(stmts);
						c.execute('COMMIT');
						return results;
					} finally {
						if (c.inTransaction) c.execute('ROLLBACK');
						c.script('PRAGMA foreign_keys=on');
						forgetAll();
					}
				})
			),
		executeMultiple: (sql) =>
			using((c) =>
				asWrite(async () => {
					c.script(sql);
					forgetAll();
				})
			),
		transaction: async (mode: TransactionMode = 'write') => {
			const end = mode === 'read' ? () => {} : await writeTurn();
			let conn: Connection | undefined;
			try {
				conn = await acquire();
				await conn.background(BEGIN[mode]);
			} catch (e) {
				if (conn) release(conn);
				end(false);
				throw e;
			}
			return transaction(conn, release, forgetAll, end);
		},
		sync: async () => {
			throw new LibsqlError('A local file client has nothing to sync', 'SYNC_NOT_SUPPORTED');
		},
		close: () => {
			closed = true;
			checkpointer?.close();
			for (const c of [...idle, ...borrowed]) c.close();
			idle.length = 0;
			borrowed.clear();
			for (const w of waiters.splice(0)) w.reject(new LibsqlError('The client is closed', 'CLIENT_CLOSED'));
		},
		reconnect: () => {
			client.close();
			closed = false;
		}
	};
	return client;
}

function transaction(
	conn: Connection,
	release: (c: Connection) => void,
	forgetAll: () => void,
	end: (committed: boolean) => void
): Transaction {
	let held: Connection | null = conn;
	const settle = (committed = false) => {
		if (held) release(held);
		held = null;
		end(committed);
	};
	const live = (): Connection => {
		if (!held || !held.inTransaction)
			throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED');
		return held;
	};
	const rollback = () => {
		try {
			if (held?.inTransaction) held.execute('ROLLBACK');
		} finally {
			settle();
		}
	};
	return {
		execute: async (stmt: InStatement): Promise<ResultSet> => {
			const result = live().execute(stmt);
			if (!keepsSchema(typeof stmt === 'string' ? stmt : stmt.sql)) forgetAll();
			return result;
		},
		batch: async (stmts) => live().batch(stmts),
		executeMultiple: async (sql) => live().script(sql),
		commit: async () => {
			let committed = false;
			try {
				await live().background('COMMIT');
				committed = true;
			} finally {
				settle(committed);
			}
		},
		rollback: async () => rollback(),
		close: rollback,
		get closed() {
			return !held || !held.inTransaction;
		}
	};
}
