#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than the sources, then serves
// it with adapter-node. Works with no environment set: PORT defaults to 3000 and ORIGIN to
// http://localhost:PORT, so form posts pass SvelteKit's origin check.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const buildEntry = join(root, 'build', 'index.js');

/** @param {string} path @returns {number} */
function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
	return newest;
}

const sources = ['src', 'static', 'drizzle', 'svelte.config.js', 'vite.config.ts', 'package.json'];
const sourceTime = Math.max(...sources.map((s) => newestMtime(join(root, s))));
const buildTime = existsSync(buildEntry) ? statSync(buildEntry).mtimeMs : 0;

// START_SKIP_BUILD=1 serves the build as it is (the start-up tests run it beside their own build).
if (buildTime < sourceTime && process.env.START_SKIP_BUILD !== '1') {
	console.info('[songxanh] Building the app (first start or sources changed)…');
	const result = spawnSync('npx', ['vite', 'build'], {
		stdio: 'inherit',
		shell: process.platform === 'win32'
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.PORT ||= '3000';
// Large enough that an absurd field (a 1 MB password) reaches validation and gets a clear 400.
process.env.BODY_SIZE_LIMIT ||= '2M';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
// The build opens, checks and migrates the database before it listens (hooks.server.ts `init`);
// when that fails it prints one line and exits, so "Serving" below means the database is usable.
await import(buildEntry);
console.info(
	`[songxanh] Serving on ${process.env.ORIGIN} (database: ${printable(process.env.DATABASE_URL ?? 'file:data/songxanh.db')})`
);

/** @param {string} url */
function printable(url) {
	return url.startsWith('file:') ? url : url.replace(/\?.*$/, '').replace(/\/\/[^/@]*@/, '//…@');
}
