/**
 * `npm run test:reliability`: the real server on a file database, under faults.
 *
 * 1. crash: several people (students logging actions, pledging and checking in; three steward
 *    phones recording drop-offs) use the server while it is killed with SIGKILL at random moments,
 *    again and again; a request whose answer was lost is sent again with the same key after the
 *    restart, as a phone would. Afterwards every acknowledged write is present exactly once, no
 *    refused write is present, rollups equal the ledger and `PRAGMA integrity_check` is ok.
 * 2. backup: `npm run backup` while stewards keep writing; the copy is restored into a fresh
 *    server, which starts (quick_check, migrations) and holds every write acknowledged before the
 *    backup began.
 * 3. replays: 200 identical posts at once of each create and reset form store exactly one row each.
 * 4. hostile: every form each demo role can reach, posted with each field made hostile in turn
 *    (sent twice, empty, huge, negative, not a number, markup…): no 5xx.
 *
 * Options: --cycles N (default 20), --port P (default E2E_PORT + 100, else 4273), --skip-build,
 * --seed S. Exits non-zero when anything is lost, doubled or wrong.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { audit, integrity, openDb, rollupsEqualLedger, type Write, type WriteKind } from './checks';
import { Person, readWorld, type World } from './load';
import { prng } from '../../src/lib/utils/prng';
import { buildInto } from '../helpers/build';
import { ROOT, sleep, startServer, stopServer } from './server';
import { replayEveryForm } from './replays';
import { hostileSweep } from './hostile';

const args = process.argv.slice(2);
const arg = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const CYCLES = Number(arg('cycles') ?? 20);
const PORT = Number(arg('port') ?? Number(process.env.E2E_PORT ?? 4173) + 100);
const SEED = Number(arg('seed') ?? Date.now() % 1_000_000);
const origin = `http://localhost:${PORT}`;
const dir = join(ROOT, 'tests', '.tmp', `reliability-${PORT}`);
const dbPath = join(dir, 'app.db');
const failures: string[] = [];
const started = Date.now();

function people(world: World, rand: () => number): Person[] {
	const out = world.students
		.slice(0, 12)
		.map((s) => new Person(origin, s.username, s.id, 'student', world, rand));
	for (let i = 0; i < 3; i++)
		out.push(new Person(origin, world.steward.username, world.steward.id, 'steward', world, rand));
	return out;
}

async function crashPhase(entry: string, rand: () => number) {
	let server = await startServer(entry, PORT, dbPath);
	const db = openDb(dbPath);
	const world = await readWorld(db);
	const crowd = people(world, rand);
	for (const p of crowd) await p.client.signIn(p.username);
	const acked: Write[] = [];
	const refused: Write[] = [];
	const counts = { sent: 0 };
	for (let cycle = 1; cycle <= CYCLES; cycle++) {
		if (cycle > 1) server = await startServer(entry, PORT, dbPath);
		let stopping = false;
		const running = Promise.all(crowd.map((p) => p.run(() => stopping, acked, refused, counts)));
		// Let the load run from 0.5 to 3 s, then pull the plug mid-write.
		await sleep(500 + Math.floor(rand() * 2500));
		server.child.kill('SIGKILL');
		await server.exited;
		stopping = true;
		await running;
		process.stdout.write(`\r  cycle ${cycle}/${CYCLES}: ${acked.length} acknowledged so far`);
	}
	process.stdout.write('\n');
	server = await startServer(entry, PORT, dbPath);
	for (const p of crowd) await p.settle(acked, refused, counts);
	await stopServer(server);

	const { lost, doubled, phantom } = await audit(db, acked, refused);
	const rollups = await rollupsEqualLedger(db);
	const check = await integrity(db);
	db.close();
	console.info(`crash: ${CYCLES} cycles, ${acked.length} acknowledged, ${lost} lost, ${doubled} doubled`);
	console.info(
		`       ${counts.sent} posts sent, ${refused.length} refused (caps, throttles) and ${phantom} of them present; ` +
			`rollups: ${rollups.compared} rows, ${rollups.mismatches.length} differ from the ledger; integrity_check ${check}`
	);
	if (lost || doubled || phantom)
		failures.push(`crash: ${lost} lost, ${doubled} doubled, ${phantom} refused but present`);
	if (acked.length < CYCLES)
		failures.push(`crash: only ${acked.length} writes acknowledged: the load did not run`);
	// Each kind of write must have happened, or a changed form would pass unnoticed as "refused".
	const kinds: WriteKind[] = ['log', 'checkin', 'pledge', 'contribution'];
	const perKind = kinds.map((k) => `${k} ${acked.filter((w) => w.kind === k).length}`);
	console.info(`       acknowledged by kind: ${perKind.join(', ')}`);
	for (const k of kinds)
		if (!acked.some((w) => w.kind === k))
			failures.push(`crash: no ${k} was acknowledged: its form refused them all`);
	if (rollups.mismatches.length)
		failures.push(`rollups ≠ ledger:\n  ${rollups.mismatches.slice(0, 10).join('\n  ')}`);
	if (check !== 'ok') failures.push(`integrity_check: ${check}`);
	return world;
}

async function backupPhase(entry: string, world: World, rand: () => number) {
	const server = await startServer(entry, PORT, dbPath);
	const stewards = [0, 1, 2, 3, 4].map(
		() => new Person(origin, world.steward.username, world.steward.id, 'steward', world, rand)
	);
	for (const s of stewards) await s.client.signIn(s.username);
	const acked: Write[] = [];
	const refused: Write[] = [];
	const counts = { sent: 0 };
	let stopping = false;
	const running = Promise.all(stewards.map((s) => s.run(() => stopping, acked, refused, counts)));
	await sleep(4000);
	const copy = join(dir, 'backup', `songxanh-${Date.now()}.db`);
	const before = acked.slice();
	const result = spawnSync(process.execPath, ['src/bin/backup.js', copy], {
		cwd: ROOT,
		env: { PATH: process.env.PATH ?? '', DATABASE_URL: `file:${dbPath}` },
		encoding: 'utf8'
	});
	await sleep(500);
	stopping = true;
	await running;
	await stopServer(server);
	if (result.status !== 0) {
		failures.push(`backup failed: ${result.stderr || result.stdout}`);
		return;
	}
	const progress = result.stdout.trim().split('\n');

	// Restore: stop, replace the file (no -wal or -shm from the old one), start.
	const restored = join(dir, 'restored', 'app.db');
	rmSync(join(dir, 'restored'), { recursive: true, force: true });
	mkdirSync(join(dir, 'restored'), { recursive: true });
	copyFileSync(copy, restored);
	const fresh = await startServer(entry, PORT, restored);
	const health = await fetch(`${origin}/healthz`);
	await stopServer(fresh);
	const db = openDb(restored);
	const missing = (await audit(db, before, [])).lost;
	const during = acked.length - before.length;
	const { lost: lostDuring } = await audit(db, acked.slice(before.length), []);
	const check = await integrity(db);
	db.close();
	for (const line of progress) console.info(`       ${line}`);
	console.info(
		`backup: under load, ${before.length} acknowledged before the copy began, ${missing} missing after restore ` +
			`(${during - lostDuring} of ${during} written during the copy are in it too); restored server healthz ${health.status}, integrity_check ${check}`
	);
	if (missing) failures.push(`backup: ${missing} acknowledged writes missing from the restored copy`);
	if (before.length === 0)
		failures.push('backup: no write was acknowledged before the copy: the load did not run');
	if (health.status !== 200) failures.push(`backup: the restored server answered /healthz ${health.status}`);
	if (check !== 'ok') failures.push(`backup: integrity_check ${check}`);
}

async function main() {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const entry = buildInto(join(dir, '..', `reliability-build-${PORT}`), args.includes('--skip-build'));
	console.info(`reliability on ${origin}, seed ${SEED}`);
	const rand = prng(SEED);
	const world = await crashPhase(entry, rand);
	await backupPhase(entry, world, rand);
	const replays = await replayEveryForm(entry, PORT, dbPath, world);
	for (const line of replays.lines) console.info(line);
	failures.push(...replays.failures);
	const hostile = await hostileSweep(entry, PORT, dbPath);
	console.info(hostile.line);
	failures.push(...hostile.failures);
	console.info(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
	if (failures.length) {
		console.error(`\nFAILED:\n- ${failures.join('\n- ')}`);
		process.exit(1);
	}
	console.info('reliability: all checks passed');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
