/**
 * What the impact rollups cost a ledger write, the old way against the new:
 *   npx tsx --tsconfig tests/bench/tsconfig.json tests/bench/impact-writes.ts [--db file:…] [--writes 400]
 * On two copies of a benchmark dataset, in turns (A B B A): A has migration 0009's triggers back
 * and appends an entry with one INSERT (the trigger does the impact work); B appends it and writes
 * the impact rollups from the app (src/lib/server/ledger/impact-rollups.ts), as the ledger now
 * does. Each write is timed inside its transaction (prepared statements kept, as the app's client
 * does) and rolled back, so both copies stay as they were. Prints the medians and their ratio.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { createDb, type Db } from '../../src/lib/server/db/client';
import { ledgerEntry } from '../../src/lib/server/db/schema';
import { applyToImpactRollups } from '../../src/lib/server/ledger/impact-rollups';
import { parseArgs, ROOT } from './util';

const args = parseArgs(process.argv.slice(2));
const url = String(args.db ?? 'file:tests/.tmp/bench/bench-200k.db');
const WRITES = Number(args.writes ?? 400);
const source = url.slice('file:'.length);
const copies = { A: `${source}.impact-a`, B: `${source}.impact-b` };
for (const c of Object.values(copies)) copyFileSync(source, c);

const triggers = readFileSync(`${ROOT}/drizzle/0009_impact_triggers.sql`, 'utf8')
	.split('--> statement-breakpoint')
	.map((s) => s.replace(/^(\s*--.*\n)*/g, '').trim())
	.filter((s) => /^CREATE TRIGGER (impact_ledger_entry|impact_action_log_link)\b/.test(s));
const a = await createDb({ url: `file:${copies.A}` });
const b = await createDb({ url: `file:${copies.B}` });
for (const t of triggers) await a.client.execute(t);

const groups = await b.db.all<{ personId: number; classId: number | null; householdId: number | null }>(
	sql`SELECT person_id AS personId, class_id AS classId, household_id AS householdId
		FROM ledger_entry WHERE person_id IS NOT NULL ORDER BY random() LIMIT ${WRITES}`
);
const day = new Date().toISOString().slice(0, 10);

async function write(db: Db, app: boolean, g: (typeof groups)[number]): Promise<number> {
	let ms = 0;
	await db
		.transaction(async (tx) => {
			const t0 = performance.now();
			const [row] = await tx
				.insert(ledgerEntry)
				.values({
					createdAt: new Date(),
					localDay: day,
					points: 3,
					gramsAvoided: 30,
					sourceKind: 'action',
					actorId: g.personId,
					...g
				})
				.returning();
			if (app) await applyToImpactRollups(tx, row);
			ms = performance.now() - t0;
			tx.rollback();
		})
		.catch((e: unknown) => {
			if (!(e instanceof Error && e.message === 'Rollback')) throw e;
		});
	return ms;
}

const times = { A: [] as number[], B: [] as number[] };
for (const [i, g] of groups.entries()) {
	for (const v of i % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const))
		times[v].push(await write(v === 'A' ? a.db : b.db, v === 'B', g));
}
a.close();
b.close();
for (const c of Object.values(copies)) for (const x of ['', '-wal', '-shm']) rmSync(c + x, { force: true });

const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
const [ma, mb] = [median(times.A.slice(20)), median(times.B.slice(20))];
console.info(`${groups.length} writes each, in turns (first 20 left out), median inside the transaction:`);
console.info(`  A  entry + 0009's triggers        ${ma.toFixed(3)} ms`);
console.info(`  B  entry + the app's statements   ${mb.toFixed(3)} ms`);
console.info(`impact in the app / by triggers, whole write: ${(mb / ma).toFixed(2)}`);
