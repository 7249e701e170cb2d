import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { isWrite } from './write-gate';

const t = await createTestDb({ reference: false });
await t.db.run(sql`create table gate_probe (id integer primary key, n integer not null)`);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('in-process write gate', () => {
	it('two overlapping write transactions with awaits inside both commit, without a busy stall', async () => {
		await Promise.all(
			[1, 2].map((n) =>
				t.db.transaction(async (tx) => {
					await tx.run(sql`insert into gate_probe (n) values (${n})`);
					await pause(50); // an await while holding the write lock
					await tx.run(sql`insert into gate_probe (n) values (${n * 10})`);
				})
			)
		);
		// Without the gate the second BEGIN IMMEDIATE blocks the event loop for the whole busy
		// timeout while the first can never commit, and then fails with SQLITE_BUSY.
		const rows = await t.db.all<{ n: number }>(sql`select n from gate_probe order by id`);
		expect(rows.map((r) => r.n).sort((a, b) => a - b)).toEqual([1, 2, 10, 20]);
	});

	it('an autocommit write waits for an open transaction instead of failing, and reads do not wait', async () => {
		let reads = 0;
		const tx = t.db.transaction(async (inner) => {
			await inner.run(sql`insert into gate_probe (n) values (100)`);
			await pause(80);
			reads = (await t.db.all(sql`select count(*) as c from gate_probe`)).length; // read on another connection, mid-transaction
		});
		const write = (async () => {
			await pause(10);
			await t.db.run(sql`insert into gate_probe (n) values (200)`);
		})();
		await Promise.all([tx, write]);
		expect(reads).toBe(1);
		const rows = await t.db.all<{ n: number }>(sql`select n from gate_probe where n >= 100 order by id`);
		expect(rows.map((r) => r.n)).toEqual([100, 200]);
	});

	it('a failed transaction releases the gate', async () => {
		await expect(
			t.db.transaction(async (tx) => {
				await tx.run(sql`insert into gate_probe (n) values (300)`);
				throw new Error('boom');
			})
		).rejects.toThrow('boom');
		await t.db.run(sql`insert into gate_probe (n) values (301)`);
		const rows = await t.db.all<{ n: number }>(sql`select n from gate_probe where n >= 300`);
		expect(rows.map((r) => r.n)).toEqual([301]);
	});

	it('classifies statements', () => {
		expect(isWrite('select 1')).toBe(false);
		expect(isWrite('  WITH x AS (select 1) select * from x')).toBe(false);
		expect(isWrite('PRAGMA foreign_keys')).toBe(false);
		expect(isWrite('PRAGMA journal_mode = WAL')).toBe(true);
		expect(isWrite({ sql: 'insert into t values (1)', args: [] })).toBe(true);
		expect(isWrite('with x as (select 1) insert into t select * from x')).toBe(true);
		expect(isWrite('update t set a = 1')).toBe(true);
	});

	it('reads the statement after a WITH clause, however its parentheses fall', () => {
		// A column list or a sub-select before the main verb used to pass for a read.
		expect(isWrite('WITH x AS (SELECT 1 AS a) INSERT INTO t (a) SELECT a FROM x')).toBe(true);
		expect(isWrite('with x(a) as (select 1) insert into t (a) select a from x')).toBe(true);
		expect(isWrite('WITH x AS (SELECT 1) UPDATE t SET a = (SELECT 2) WHERE b IN (SELECT 3)')).toBe(true);
		expect(isWrite('WITH x AS (SELECT 1) DELETE FROM t WHERE a IN (SELECT * FROM x)')).toBe(true);
		expect(isWrite('WITH RECURSIVE x AS (SELECT 1 UNION ALL SELECT 2) REPLACE INTO t SELECT * FROM x')).toBe(
			true
		);
		expect(isWrite("WITH x AS (SELECT ')' AS p) INSERT INTO t SELECT p FROM x")).toBe(true);
		expect(isWrite('WITH a AS (SELECT 1), b AS (SELECT 2) SELECT * FROM a, b')).toBe(false);
		expect(isWrite('WITH x AS MATERIALIZED (SELECT 1) SELECT (SELECT 2) FROM x')).toBe(false);
		expect(isWrite('with x as (select 1) values (1)')).toBe(false);
		expect(isWrite('with x as (select 1)')).toBe(true); // unfinished: not plainly a read
	});
});
