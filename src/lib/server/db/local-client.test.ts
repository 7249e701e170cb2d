import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import Database from 'libsql';
import { LibsqlError } from '@libsql/client';
import { libsqlError } from './local-results';
import { createTestDb } from '../../../../tests/helpers/db';

const t = await createTestDb({ reference: false });
await t.client.execute('create table probe (id integer primary key, n integer not null unique, b blob)');

describe('local file client', () => {
	it('waits for another connection’s write lock off the event loop, so the holder can finish', async () => {
		const other = new Database(t.path, { timeout: 5000 });
		other.exec('BEGIN IMMEDIATE');
		other.exec('insert into probe (n) values (1)');
		// Only a free event loop runs this: a BEGIN waiting on this thread would hold it for the
		// whole busy timeout and then fail with SQLITE_BUSY.
		setTimeout(() => other.exec('COMMIT'), 50);
		const tx = await t.client.transaction('write');
		await tx.execute('insert into probe (n) values (2)');
		await tx.commit();
		other.close();
		const rows = await t.client.execute('select n from probe order by n');
		expect(rows.rows.map((r) => r.n)).toEqual([1, 2]);
	});

	it('collecting statements it no longer keeps never waits on a connection that waits for a lock', async () => {
		// A collected statement is finalised on the main thread, and finalising takes its
		// connection's mutex, which a BEGIN waiting for another connection's lock holds for the whole
		// busy timeout: the event loop stalled, the holder never committed, the BEGIN failed (the
		// lock test above failed about 1 run in 20, whenever a collection fell in that wait).
		setFlagsFromString('--expose-gc');
		const gc = runInNewContext('gc') as () => void;
		for (let i = 0; i < 40; i++) await t.client.execute(`select n + ${i} from probe`);
		// A schema change makes every connection drop what it prepared.
		await t.client.execute('create table if not exists scratch (id integer primary key)');
		const other = new Database(t.path, { timeout: 5000 });
		other.exec('BEGIN IMMEDIATE');
		setTimeout(() => other.exec('COMMIT'), 50);
		const begun = t.client.transaction('write');
		await new Promise((resolve) => setTimeout(resolve, 10));
		gc();
		const tx = await begun;
		await tx.execute('insert into probe (n) values (3)');
		await tx.commit();
		other.close();
		const rows = await t.client.execute('select n from probe where n = 3');
		expect(rows.rows.length).toBe(1);
	});

	it('answers like @libsql/client: named and numbered columns, numbers, blobs, ids', async () => {
		const put = await t.client.execute({
			sql: 'insert into probe (n, b) values (?, ?)',
			args: [10, new Uint8Array([1, 2, 3])]
		});
		expect(put.rowsAffected).toBe(1);
		expect(typeof put.lastInsertRowid).toBe('bigint');
		const rs = await t.client.execute({
			sql: 'select n, b, n * 2 as twice, n from probe where n = ?',
			args: [10]
		});
		const [row] = rs.rows;
		expect(rs.columns).toEqual(['n', 'b', 'twice', 'n']);
		expect(row.length).toBe(4);
		expect([row[0], row[2], row[3]]).toEqual([10, 20, 10]);
		expect(row.n).toBe(10);
		expect(Object.keys(row)).toEqual(['n', 'b', 'twice']);
		expect(new Uint8Array(row.b as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]));
		await expect(t.client.execute('select 9007199254740993 as big')).rejects.toThrow(RangeError);
	});

	it('a statement that failed is prepared afresh, and the transaction still commits (libsql-client-ts #352)', async () => {
		const tx = await t.client.transaction('write');
		await expect(tx.execute({ sql: 'insert into probe (n) values (?)', args: [10] })).rejects.toThrow(
			/UNIQUE/
		);
		await tx.execute({ sql: 'insert into probe (n) values (?)', args: [11] });
		await tx.commit();
		const again = await t.client.execute({ sql: 'insert into probe (n) values (?)', args: [12] });
		expect(again.rowsAffected).toBe(1);
	});

	it('sees a schema change made after a statement was prepared', async () => {
		const read = () => t.client.execute('select * from probe where n = 12');
		expect((await read()).columns).toEqual(['id', 'n', 'b']);
		await t.client.execute('alter table probe add column extra text');
		expect((await read()).columns).toEqual(['id', 'n', 'b', 'extra']);
	});

	it('names an extended code libsql does not know by its primary code, as @libsql/client does', () => {
		const e = libsqlError(
			new Database.SqliteError('attempt to write a readonly database', 'UNKNOWN_SQLITE_ERROR_1544', 1544)
		);
		expect(e).toBeInstanceOf(LibsqlError);
		expect((e as LibsqlError).code).toBe('SQLITE_READONLY');
		expect((e as LibsqlError).rawCode).toBe(1544);
	});
});
