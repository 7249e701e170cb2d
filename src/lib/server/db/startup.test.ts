import {
	mkdirSync,
	mkdtempSync,
	rmSync,
	writeFileSync,
	copyFileSync,
	openSync,
	writeSync,
	closeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, MIGRATIONS } from '../../../../tests/helpers/db';
import { DatabaseStartError, openDatabase } from './startup';

const dir = mkdtempSync(join(tmpdir(), 'songxanh-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function startError(url: string): Promise<string> {
	try {
		const handle = await openDatabase({ url }, MIGRATIONS);
		handle.close();
	} catch (error) {
		expect(error).toBeInstanceOf(DatabaseStartError);
		const message = (error as Error).message;
		expect(message).not.toContain('\n');
		return message;
	}
	throw new Error(`${url} opened`);
}

describe('start-up: one line that says what, why and what to do', () => {
	it('an empty file: path (file:${UNSET}) is refused instead of serving throwaway in-memory databases', async () => {
		expect(await startError('file:')).toBe(
			'database "file:": the file: URL has no path (is a variable inside it unset?). Set DATABASE_URL to a file such as file:data/songxanh.db.'
		);
		expect(await startError('file::memory:')).toContain('in-memory database forgets everything');
		expect(await startError('')).toContain('DATABASE_URL is set to nothing');
	});

	it('an unknown scheme or no URL at all', async () => {
		expect(await startError('postgres://admin:secret@db.example/app')).toBe(
			'database "postgres://…@db.example/app": this kind of URL is not supported. Use file:<path> for a file, or libsql://, https://, http://, wss:// or ws:// for a libSQL server.'
		);
		expect(await startError('songxanh.db')).toContain('this is not a URL');
	});

	it('a folder', async () => {
		const folder = join(dir, 'a-folder');
		mkdirSync(folder);
		expect(await startError(`file:${folder}`)).toBe(
			`database "file:${folder}": this is a folder, not a database file. Name a file inside it, e.g. file:${folder}/songxanh.db.`
		);
	});

	it('a file that is not a database', async () => {
		const notes = join(dir, 'notes.txt');
		writeFileSync(notes, 'Danh sách lớp 6A1\n'.repeat(100));
		expect(await startError(`file:${notes}`)).toContain('the file is not a SQLite database');
	});

	it('a damaged database (PRAGMA quick_check)', async () => {
		const good = await createTestDb();
		await good.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
		good.close();
		const damaged = join(dir, 'damaged.db');
		copyFileSync(good.path, damaged);
		const fd = openSync(damaged, 'r+');
		writeSync(fd, Buffer.alloc(4096 * 6, 0xde), 0, 4096 * 6, 4096 * 2);
		closeSync(fd);
		expect(await startError(`file:${damaged}`)).toMatch(
			/the database file is damaged.*Restore the last backup/
		);
	});

	it('a healthy new file opens and migrates', async () => {
		const handle = await openDatabase({ url: `file:${join(dir, 'sub', 'new.db')}` }, MIGRATIONS);
		handle.close();
	});
});
