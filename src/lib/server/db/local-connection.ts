import SyncDatabase from 'libsql';
import AsyncDatabase from 'libsql/promise';
import {
	LibsqlBatchError,
	LibsqlError,
	type InArgs,
	type InStatement,
	type ResultSet,
	type Row
} from '@libsql/client';
import { fromSql, libsqlError, resultSet, rowMaker, toArgs } from './local-results';

/*
 * One native libSQL connection to a local file, as local-client.ts uses it: statements run
 * synchronously through `libsql`'s better-sqlite3-style API and stay prepared (keyed by their SQL
 * text, least recently used dropped first), while BEGIN and COMMIT go through `libsql/promise`
 * on the same native handle, so waiting for another process's lock and the fsync of a commit
 * happen on libSQL's own threads instead of stalling the event loop.
 *
 * A statement is never let go while its connection is open. The garbage collector finalises a
 * statement on the main thread, and finalising takes the connection's mutex, which a BEGIN
 * waiting in the background for another connection's lock holds for the whole busy timeout: the
 * event loop would stall, the lock holder in this process could never commit, and the BEGIN
 * failed with SQLITE_BUSY or, its error code overwritten by the finalise, `SQLITE_OK: not an
 * error`. So statements dropped from the cache are kept (`retired`) until the connection closes,
 * and a connection that has kept many is `worn`: the pool closes it instead of reusing it.
 */

const MAX_STATEMENTS = 300;
/** Dropped statements a connection keeps before the pool replaces it (see above). */
const MAX_RETIRED = 200;
/** Statements worth keeping: the ones a request runs again and again. */
const CACHEABLE = /^\s*(select|insert|update|delete|with|replace|begin|commit|rollback|pragma\s+\w+\s*$)/i;
const READ = /^\s*select\b/i;

interface Prepared {
	stmt: SyncDatabase.Statement;
	returnsData: boolean;
	columns: string[];
	columnTypes: string[];
	makeRow: (values: unknown[]) => Row;
}

/** Whether running `sql` leaves the schema as it was (so statements prepared before it still describe it). */
export const keepsSchema = (sql: string) => CACHEABLE.test(sql);

export class Connection {
	private readonly stmts = new Map<string, Prepared>();
	/** Statements no longer in the cache, kept from the collector until the connection closes. */
	private retired: SyncDatabase.Statement[] = [];
	private readonly native: AsyncDatabase;
	/** The synchronous API over the same native connection (`libsql/promise` exposes its handle as `db`). */
	private readonly sync: SyncDatabase.Database;
	private closed = false;
	/** Whether a statement since the last look could have opened a transaction (a SELECT cannot). */
	private touched = false;

	constructor(path: string, timeout: number) {
		this.native = new AsyncDatabase(path, { timeout });
		this.sync = Object.assign(Object.create(SyncDatabase.prototype), { db: this.native.db, open: true });
	}

	get open(): boolean {
		return !this.closed;
	}

	get inTransaction(): boolean {
		return !this.closed && (this.native as unknown as { inTransaction: boolean }).inTransaction;
	}

	/** `inTransaction`, asked of the database only when something but a read ran since the last time. */
	mayBeInTransaction(): boolean {
		if (!this.touched) return false;
		this.touched = false;
		return this.inTransaction;
	}

	/** Whether this connection kept so many dropped statements that it should be replaced. */
	get worn(): boolean {
		return this.retired.length > MAX_RETIRED;
	}

	close(): void {
		if (this.closed) return;
		this.closed = true;
		this.native.close();
		// Closed, the connection is in no one's background wait: its statements may be collected.
		this.stmts.clear();
		this.retired = [];
	}

	private drop(sql: string): void {
		const p = this.stmts.get(sql);
		if (!p) return;
		this.stmts.delete(sql);
		this.retired.push(p.stmt);
	}

	/** Drops every prepared statement (the schema may have changed), keeping them from the collector. */
	forget(): void {
		for (const p of this.stmts.values()) this.retired.push(p.stmt);
		this.stmts.clear();
	}

	private prepare(sql: string): Prepared {
		const hit = this.stmts.get(sql);
		if (hit) {
			this.stmts.delete(sql);
			this.stmts.set(sql, hit);
			return hit;
		}
		const stmt = this.sync.prepare(sql);
		stmt.safeIntegers(true);
		const cols = stmt.columns();
		const returnsData = cols.length > 0;
		if (returnsData) stmt.raw(true);
		const columns = cols.map((c) => c.name);
		const p = {
			stmt,
			returnsData,
			columns,
			columnTypes: cols.map((c) => c.type ?? ''),
			makeRow: rowMaker(columns)
		};
		if (CACHEABLE.test(sql)) {
			this.stmts.set(sql, p);
			if (this.stmts.size > MAX_STATEMENTS) this.drop(this.stmts.keys().next().value!);
		} else {
			// DDL and the like run once, and nothing prepared before them may describe the schema any more.
			this.forget();
			this.retired.push(stmt);
		}
		return p;
	}

	/** Runs one statement now, on this thread. */
	execute(stmt: InStatement | string, args?: InArgs): ResultSet {
		const sql = typeof stmt === 'string' ? stmt : stmt.sql;
		const bound = toArgs(typeof stmt === 'string' ? args : stmt.args);
		if (!READ.test(sql)) this.touched = true;
		try {
			const p = this.prepare(sql);
			if (p.returnsData) {
				const raw = p.stmt.all(bound) as unknown[][];
				return resultSet(
					p.columns,
					p.columnTypes,
					raw.map((values) => p.makeRow(values.map(fromSql))),
					0,
					undefined
				);
			}
			const info = p.stmt.run(bound);
			return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
		} catch (e) {
			// Never reuse a statement that failed half-way.
			this.drop(sql);
			throw libsqlError(e);
		}
	}

	/** Runs SQL without arguments on libSQL's threads (BEGIN, COMMIT: lock waits and fsyncs). */
	async background(sql: string): Promise<void> {
		this.touched = true;
		try {
			await this.native.exec(sql);
		} catch (e) {
			throw libsqlError(e);
		}
	}

	/** Runs a script of statements now; the schema may have changed, so prepared statements go. */
	script(sql: string): void {
		this.touched = true;
		try {
			this.sync.exec(sql);
		} catch (e) {
			throw libsqlError(e);
		} finally {
			this.forget();
		}
	}

	/** Runs statements in order and names the one that failed, as `@libsql/client` does. */
	batch(stmts: (InStatement | [string, InArgs?])[]): ResultSet[] {
		return stmts.map((s, i) => {
			if (!this.inTransaction)
				throw new LibsqlBatchError('The transaction has been rolled back', i, 'TRANSACTION_CLOSED');
			try {
				return Array.isArray(s) ? this.execute(s[0], s[1]) : this.execute(s);
			} catch (e) {
				if (e instanceof LibsqlError && !(e instanceof LibsqlBatchError))
					throw new LibsqlBatchError(
						e.message,
						i,
						e.code,
						e.extendedCode,
						e.rawCode,
						e.cause as Error | undefined
					);
				throw e;
			}
		});
	}
}
