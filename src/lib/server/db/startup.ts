import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql } from 'drizzle-orm';
import { createDb, migrateDb, type DbConfig, type DbHandle } from './client';

/** A start-up failure, with one line for the operator: what, the cause in words, what to do. */
export class DatabaseStartError extends Error {
	override name = 'DatabaseStartError';
}

/** The URL as it may be printed: no auth token, nothing after `?` for remote URLs. */
export function printableUrl(url: string): string {
	if (url.startsWith('file:')) return url;
	return url.replace(/\?.*$/, '').replace(/\/\/[^/@]*@/, '//…@');
}

/** The file path of a `file:` URL ('' when there is none), else null. */
export function filePath(url: string): string | null {
	if (!url.startsWith('file:')) return null;
	return decodeURIComponent(
		url
			.slice('file:'.length)
			.split('?')[0]
			.replace(/^\/\/(?=\/)/, '')
	);
}

function problem(url: string, cause: string, todo: string): DatabaseStartError {
	return new DatabaseStartError(`database "${printableUrl(url)}": ${cause}. ${todo}`);
}

function fail(url: string, cause: string, todo: string): never {
	throw problem(url, cause, todo);
}

/** Refuses URLs that cannot be the app's database before anything is opened. */
function checkUrl(url: string): void {
	if (url.trim() === '')
		throw new DatabaseStartError(
			'database URL is empty (DATABASE_URL is set to nothing: is the variable it comes from unset?). Unset DATABASE_URL to use file:data/songxanh.db, or set it to the database’s URL.'
		);
	const path = filePath(url);
	if (path === '')
		fail(
			url,
			'the file: URL has no path (is a variable inside it unset?)',
			'Set DATABASE_URL to a file such as file:data/songxanh.db.'
		);
	if (path === ':memory:' || url.includes('mode=memory'))
		fail(
			url,
			'an in-memory database forgets everything on restart',
			'Set DATABASE_URL to a file such as file:data/songxanh.db.'
		);
	if (path) {
		const stat = statOrNull(path);
		if (stat?.isDirectory())
			fail(
				url,
				'this is a folder, not a database file',
				`Name a file inside it, e.g. file:${path.replace(/\/$/, '')}/songxanh.db.`
			);
	}
}

function statOrNull(path: string) {
	try {
		return statSync(path);
	} catch {
		return null;
	}
}

/** Whether this process may write the file (when it exists) and its folder (for -wal and -shm). */
function writable(path: string): boolean {
	try {
		if (statOrNull(path)) accessSync(path, constants.W_OK);
		accessSync(dirname(path), constants.W_OK);
		return true;
	} catch {
		return false;
	}
}

function codeOf(error: unknown): string {
	const e = error as { code?: unknown; cause?: { code?: unknown } };
	const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : '';
	return code;
}

/** Words and a remedy for what went wrong while opening, checking or migrating the database. */
export function explain(url: string, error: unknown): DatabaseStartError {
	if (error instanceof DatabaseStartError) return error;
	const code = codeOf(error);
	const message = String((error as Error)?.message ?? error)
		.split('\n')[0]
		.slice(0, 200);
	const isFile = url.startsWith('file:');
	if (code === 'URL_PARAM_NOT_SUPPORTED')
		return problem(url, `a query parameter is not supported (${message})`, 'Remove it from DATABASE_URL.');
	if (code === 'URL_SCHEME_NOT_SUPPORTED' || code === 'URL_INVALID')
		return problem(
			url,
			code === 'URL_INVALID' ? 'this is not a URL' : 'this kind of URL is not supported',
			'Use file:<path> for a file, or libsql://, https://, http://, wss:// or ws:// for a libSQL server.'
		);
	if (code === 'SQLITE_NOTADB')
		return problem(
			url,
			'the file is not a SQLite database (or is encrypted)',
			'Point DATABASE_URL at the app’s database, or at a new path to start empty.'
		);
	if (code.startsWith('SQLITE_CORRUPT'))
		return problem(
			url,
			'the database file is damaged',
			'Restore the last backup (README: “Backup and restore”).'
		);
	const path = filePath(url);
	if (code.startsWith('SQLITE_READONLY') || (path && code.startsWith('SQLITE_CANTOPEN') && !writable(path)))
		return problem(
			url,
			'the database is read-only for this user',
			'Give the app write access to the file and its folder (SQLite writes -wal and -shm files beside it).'
		);
	if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
		return problem(
			url,
			'another program holds a lock on the database and did not let go within 5 s',
			'Stop that program (a sqlite3 shell, a backup, a stuck copy of the app) and start again.'
		);
	if (code === 'SQLITE_FULL') return problem(url, 'the disk is full', 'Free some space and start again.');
	if (code.startsWith('SQLITE_IOERR'))
		return problem(url, `a disk I/O error (${code})`, 'Check the disk and the file system.');
	if (
		isFile &&
		(code.startsWith('SQLITE_CANTOPEN') || /Unable to open connection|unable to open/i.test(message))
	)
		return problem(
			url,
			'the file cannot be opened or created',
			'Check that its folder exists and that the app may write there.'
		);
	if (/_journal\.json|migrations? folder/i.test(message))
		return problem(
			url,
			'the migrations folder drizzle/ was not found',
			'Start the app from the project folder (where drizzle/ is).'
		);
	if (
		!isFile &&
		/fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|socket|network|401|403/i.test(
			`${message} ${code}`
		)
	)
		return problem(
			url,
			`the database server cannot be reached or refused us (${message})`,
			'Check DATABASE_URL, DATABASE_AUTH_TOKEN and that the server is running.'
		);
	return problem(
		url,
		`it could not be opened (${code ? `${code}: ` : ''}${message})`,
		'Check DATABASE_URL and the file or server it names.'
	);
}

/**
 * Opens the app's database and proves it usable before the app serves: the URL makes sense, the
 * file is a healthy SQLite database (`PRAGMA quick_check`) and the migrations apply. Anything
 * wrong becomes one DatabaseStartError line.
 */
export async function openDatabase(config: DbConfig, migrations = 'drizzle'): Promise<DbHandle> {
	let handle: DbHandle | undefined;
	try {
		checkUrl(config.url);
		handle = await createDb(config);
		if (config.url.startsWith('file:')) {
			const rows = await handle.db.all<{ quick_check: string }>(sql`PRAGMA quick_check`);
			const verdict = rows.map((r) => r.quick_check);
			if (verdict.length !== 1 || verdict[0] !== 'ok')
				fail(
					config.url,
					`the database file is damaged (quick_check: ${verdict.slice(0, 2).join('; ').slice(0, 160)})`,
					'Restore the last backup (README: “Backup and restore”).'
				);
		}
		await migrateDb(handle.db, migrations);
		return handle;
	} catch (error) {
		handle?.close();
		throw explain(config.url, error);
	}
}
