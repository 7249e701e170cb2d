/**
 * Where a logged action's time goes, statement by statement:
 *   npx tsx --tsconfig tests/bench/tsconfig.json tests/bench/statements.ts [--db file:…] [--logs 300]
 * Logs `--logs` actions in-process (no HTTP) for students spread over the benchmark dataset, one
 * after another, timing every statement the local client runs (prepare included) and BEGIN/COMMIT
 * (the fsync), and prints them by total time with the whole write's median. It writes to the
 * dataset, as `npm run bench` does.
 */
import { randomUUID } from 'node:crypto';
import { createDb } from '../../src/lib/server/db/client';
import { Connection } from '../../src/lib/server/db/local-connection';
import { logAction } from '../../src/lib/server/actions/actions';
import { localDay } from '../../src/lib/utils/dates';
import { parseArgs } from './util';

const args = parseArgs(process.argv.slice(2));
const url = String(args.db ?? 'file:tests/.tmp/bench/bench-2m.db');
const LOGS = Number(args.logs ?? 300);
const TZ = 'Asia/Ho_Chi_Minh';

const spent = new Map<string, { ms: number; n: number; all: number[] }>();
const note = (sql: string, ms: number) => {
	const key = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
	const s = spent.get(key) ?? { ms: 0, n: 0, all: [] };
	s.ms += ms;
	s.n++;
	s.all.push(ms);
	spent.set(key, s);
};
const pct = (all: number[], p: number) =>
	[...all].sort((a, b) => a - b)[Math.floor((p / 100) * (all.length - 1))];
const proto = Connection.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
for (const name of ['execute', 'background'] as const) {
	const original = proto[name];
	proto[name] = function (this: unknown, ...a: unknown[]) {
		const sql = typeof a[0] === 'string' ? a[0] : (a[0] as { sql: string }).sql;
		const t0 = performance.now();
		const out = original.apply(this, a);
		if (out instanceof Promise) return out.finally(() => note(sql, performance.now() - t0));
		note(sql, performance.now() - t0);
		return out;
	};
}

const { db, client, close } = await createDb({ url });
const students = (
	await client.execute({
		sql: `SELECT cs.user_id AS id FROM class_student cs ORDER BY random() LIMIT ?`,
		args: [LOGS]
	})
).rows.map((r) => Number(r.id));
const actions = (
	await client.execute(`SELECT id FROM action WHERE retired_at IS NULL AND audience <> 'household'`)
).rows.map((r) => Number(r.id));
spent.clear();
const now = new Date();
const day = localDay(now, TZ);
const whole: number[] = [];
let refused = 0;
for (const [i, userId] of students.entries()) {
	const t0 = performance.now();
	const r = await logAction(
		db,
		userId,
		{ actionId: actions[i % actions.length], count: 1, day, mode: 'person', idempotencyKey: randomUUID() },
		now,
		TZ
	);
	whole.push(performance.now() - t0);
	if (!r.ok) refused++;
}
close();
const total = [...spent.values()].reduce((t, s) => t + s.ms, 0);
whole.sort((a, b) => a - b);
console.info(
	`${students.length} action logs (${refused} refused): median ${whole[whole.length >> 1].toFixed(2)} ms each, ${(total / students.length).toFixed(2)} ms of it in statements`
);
for (const [sql, s] of [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
	console.info(
		`${((100 * s.ms) / total).toFixed(1).padStart(5)} %  mean ${(s.ms / s.n).toFixed(2).padStart(6)} ms, p50 ${pct(s.all, 50).toFixed(2).padStart(6)}, p90 ${pct(s.all, 90).toFixed(2).padStart(6)}, max ${Math.max(
			...s.all
		)
			.toFixed(1)
			.padStart(6)} × ${String(s.n).padStart(4)}  ${sql}`
	);
