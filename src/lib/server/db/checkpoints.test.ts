import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';

const t = await createTestDb({ reference: false });
await t.client.execute('create table filler (id integer primary key, b blob not null)');

const fileSize = () => statSync(t.path).size;
/** Waits (up to 5 s) until the database file has grown past `size`: pages reached it from the WAL. */
async function grownPast(size: number): Promise<number> {
	for (let i = 0; i < 100 && fileSize() <= size; i++) await new Promise((r) => setTimeout(r, 50));
	return fileSize();
}
async function commits(n: number) {
	for (let i = 0; i < n; i++) {
		const tx = await t.client.transaction('write');
		await tx.execute({ sql: 'insert into filler (b) values (zeroblob(8000))', args: [] });
		await tx.commit();
	}
}

describe('WAL checkpoints', () => {
	it('no commit checkpoints: the client’s connections leave it to the checkpointer', async () => {
		const rs = await t.client.execute('PRAGMA wal_autocheckpoint');
		expect(Number(rs.rows[0][0])).toBe(0);
		const tx = await t.client.transaction('write');
		const inTx = await tx.execute('PRAGMA wal_autocheckpoint');
		await tx.commit();
		expect(Number(inTx.rows[0][0])).toBe(0);
	});

	it('a run of commits reaches the database file in the background', async () => {
		await new Promise((r) => setTimeout(r, 700));
		const before = fileSize();
		// 45 commits of two pages each: under SQLite's own 1000-page threshold, so only the
		// checkpointer (every 40 commits) moves them into the file.
		await commits(45);
		expect(await grownPast(before)).toBeGreaterThan(before);
	});

	it('under a steady stream of writes the WAL starts again from the beginning: it stays small', async () => {
		// 400 commits of three pages: 4.8 MB of WAL were it never to restart; it restarts after
		// each checkpoint (every 40 commits), so it never holds much more than 80 commits' pages.
		await commits(400);
		expect(statSync(`${t.path}-wal`).size).toBeLessThan(2_000_000);
	});

	it('a few commits reach it after a quiet spell', async () => {
		await new Promise((r) => setTimeout(r, 700));
		const before = fileSize();
		await commits(3);
		expect(await grownPast(before)).toBeGreaterThan(before);
	});
});
