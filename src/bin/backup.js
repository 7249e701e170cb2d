#!/usr/bin/env node
// `npm run backup -- <file>`: a consistent copy of the app's database, taken while the app serves.
// SQLite's `VACUUM INTO` reads one snapshot (WAL mode lets the app keep writing meanwhile), so the
// copy holds every write acknowledged before it started, and is a single self-contained file.
// Copying songxanh.db with cp instead can miss writes still in songxanh.db-wal: see README.
import { createClient } from '@libsql/client';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const url = process.env.DATABASE_URL ?? 'file:data/songxanh.db';
const target = process.argv[2];

/** @param {string} message */
function stop(message) {
	console.error(`[songxanh] Backup refused: ${message}`);
	process.exit(1);
}

/** @param {number} bytes */
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
/** The file and its write-ahead log, where recent writes live until a checkpoint. @param {string} path */
const sizeWithWal = (path) =>
	statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
/** @param {number} n */
const count = (n) => n.toLocaleString('en-GB').replace(/,/g, ' ');

if (!target) stop('name the file to write, e.g. npm run backup -- backups/songxanh-2026-01-31.db');
if (!url.startsWith('file:'))
	stop(
		`DATABASE_URL (${url.replace(/\?.*$/, '')}) is a libSQL server: back it up on the server (sqld's own snapshots, or Turso's point-in-time restore).`
	);
const source = url.slice('file:'.length).split('?')[0];
if (!source || !existsSync(source)) stop(`the database file ${source || '(none)'} does not exist.`);
const out = resolve(target);
if (existsSync(out)) stop(`${target} exists already; choose a new name (a backup never overwrites).`);
mkdirSync(dirname(out), { recursive: true });
const partial = `${out}.partial`;
rmSync(partial, { force: true });

const started = Date.now();
const db = createClient({ url, timeout: 30_000 });
try {
	const [entries] = (await db.execute('SELECT count(*) AS n FROM ledger_entry')).rows;
	console.info(
		`[songxanh] Backing up ${source} (${mb(sizeWithWal(source))}, ${count(Number(entries.n))} ledger entries) → ${target} …`
	);
	// Written under another name and renamed when complete, so a backup cut short is never mistaken
	// for a good one.
	await db.execute({ sql: 'VACUUM INTO ?', args: [partial] });
} catch (error) {
	rmSync(partial, { force: true });
	stop(`reading ${source} failed: ${error instanceof Error ? error.message : error}`);
} finally {
	db.close();
}

const copy = createClient({ url: `file:${partial}` });
try {
	const check = (await copy.execute('PRAGMA integrity_check')).rows.map((r) => String(r[0]));
	if (check.length !== 1 || check[0] !== 'ok')
		throw new Error(`integrity_check: ${check.slice(0, 3).join('; ')}`);
	const [entries] = (await copy.execute('SELECT count(*) AS n FROM ledger_entry')).rows;
	const [people] = (await copy.execute('SELECT count(*) AS n FROM user')).rows;
	copy.close();
	renameSync(partial, out);
	console.info(
		`[songxanh] Backup done: ${target} (${mb(statSync(out).size)}): ${count(Number(entries.n))} ledger entries, ${count(Number(people.n))} people, integrity ok, ${((Date.now() - started) / 1000).toFixed(1)} s.`
	);
} catch (error) {
	copy.close();
	rmSync(partial, { force: true });
	stop(`the copy failed its check (${error instanceof Error ? error.message : error}); nothing was written.`);
}
