/**
 * What moving WAL checkpoints off the commit path does to the write path:
 *   npx tsx --tsconfig tests/bench/tsconfig.json tests/bench/checkpoint-writes.ts [--db file:…] [--seconds 40]
 * On two copies of a benchmark dataset, in turns (A B B A …, `--turns` of `--seconds`/`--turns`
 * each): A's client checkpoints as SQLite does by itself (inside the commit that crosses 1000 WAL
 * pages), B's in the background (src/lib/server/db/checkpoints.ts). Each turn logs actions
 * in-process (no HTTP) with `--writers` at once through the write gate, as a server's requests
 * would, and every COMMIT is timed. Prints acknowledged writes per second, COMMIT times and the
 * ratio B/A.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, rmSync, statSync } from 'node:fs';
import { createDb, type DbHandle } from '../../src/lib/server/db/client';
import { Connection } from '../../src/lib/server/db/local-connection';
import { logAction } from '../../src/lib/server/actions/actions';
import { localDay } from '../../src/lib/utils/dates';
import { parseArgs } from './util';
import { percentile } from './writer';

const args = parseArgs(process.argv.slice(2));
const url = String(args.db ?? 'file:tests/.tmp/bench/bench-200k.db');
const SECONDS = Number(args.seconds ?? 40);
const TURNS = Number(args.turns ?? 8);
const WRITERS = Number(args.writers ?? 20);
const TZ = 'Asia/Ho_Chi_Minh';
const source = url.slice('file:'.length);
const copies = { A: `${source}.ckpt-a`, B: `${source}.ckpt-b` } as const;
for (const c of Object.values(copies)) copyFileSync(source, c);

// Every COMMIT's time, by the client that ran it.
let current: 'A' | 'B' = 'A';
const commitMs = { A: [] as number[], B: [] as number[] };
const proto = Connection.prototype as unknown as Record<string, (...a: unknown[]) => Promise<void>>;
const background = proto.background;
proto.background = function (this: unknown, sql: unknown) {
	const t0 = performance.now();
	const who = current;
	return background.call(this, sql).finally(() => {
		if (sql === 'COMMIT') commitMs[who].push(performance.now() - t0);
	});
};

const handles: Record<'A' | 'B', DbHandle> = {
	A: await createDb({ url: `file:${copies.A}`, checkpoints: 'on-commit' }),
	B: await createDb({ url: `file:${copies.B}`, checkpoints: 'background' })
};
const students = (
	await handles.A.client.execute(
		`SELECT cs.user_id AS id FROM class_student cs ORDER BY random() LIMIT 20000`
	)
).rows.map((r) => Number(r.id));
const actions = (
	await handles.A.client.execute(`SELECT id FROM action WHERE retired_at IS NULL AND audience <> 'household'`)
).rows.map((r) => Number(r.id));
const now = new Date();
const day = localDay(now, TZ);
let next = 0;

/** `WRITERS` loops logging actions on one copy for `ms`; returns the writes acknowledged. */
async function turn(v: 'A' | 'B', ms: number): Promise<number> {
	current = v;
	const { db } = handles[v];
	const end = performance.now() + ms;
	let written = 0;
	await Promise.all(
		Array.from({ length: WRITERS }, async () => {
			while (performance.now() < end) {
				const i = next++;
				const r = await logAction(
					db,
					students[i % students.length],
					{
						actionId: actions[i % actions.length],
						count: 1,
						day,
						mode: 'person',
						idempotencyKey: randomUUID()
					},
					now,
					TZ
				);
				if (r.ok) written++;
			}
		})
	);
	return written;
}

await turn('A', 2000);
await turn('B', 2000);
commitMs.A.length = commitMs.B.length = 0;
const written = { A: 0, B: 0 };
const slice = (SECONDS * 1000) / TURNS;
for (let i = 0; i < TURNS; i++)
	for (const v of i % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) written[v] += await turn(v, slice);
const walOf = (v: 'A' | 'B') => {
	try {
		return (statSync(`${copies[v]}-wal`).size / 1024 / 1024).toFixed(1);
	} catch {
		return '0';
	}
};
const wal = { A: walOf('A'), B: walOf('B') };
handles.A.close();
handles.B.close();
for (const c of Object.values(copies)) for (const x of ['', '-wal', '-shm']) rmSync(c + x, { force: true });

const perS = (v: 'A' | 'B') => written[v] / (SECONDS / 2);
console.info(
	`${WRITERS} writers, ${SECONDS / 2} s each in ${TURNS} turns (A B B A …), action logs in-process:`
);
for (const v of ['A', 'B'] as const) {
	const c = commitMs[v];
	console.info(
		`  ${v}  ${v === 'A' ? 'checkpoints in the commit (SQLite)' : 'checkpoints in the background  '}  ${perS(v).toFixed(0).padStart(5)} writes/s   COMMIT p50 ${percentile(c, 50).toFixed(2)} ms, p90 ${percentile(c, 90).toFixed(2)} ms, p99 ${percentile(c, 99).toFixed(2)} ms, max ${Math.max(...c).toFixed(1)} ms; WAL at the end ${wal[v]} MiB`
	);
}
console.info(`background/in-commit checkpoints, writes per second: ${(perS('B') / perS('A')).toFixed(2)}`);
