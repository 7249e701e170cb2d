import { createClient, type Client as Sql } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import { expectRollupsEqualLedger } from '../helpers/ledger-recount';

export type WriteKind = 'log' | 'checkin' | 'pledge' | 'contribution';

/** A write the server acknowledged (or refused), by who sent it and the key it carried. */
export interface Write {
	kind: WriteKind;
	actorId: number;
	key: string;
}

export function openDb(path: string): Sql {
	return createClient({ url: `file:${path}`, timeout: 10_000 });
}

/** How many rows one write left behind, where its kind keeps them. */
export async function rowsOf(db: Sql, w: Write): Promise<number> {
	const q: Record<WriteKind, string> = {
		log: `SELECT count(*) FROM ledger_entry WHERE actor_id = ? AND idempotency_key = ? AND source_kind = 'action'`,
		checkin: `SELECT count(*) FROM ledger_entry WHERE actor_id = ? AND idempotency_key = ? AND source_kind = 'checkin'`,
		pledge: `SELECT count(*) FROM pledge WHERE user_id = ? AND idempotency_key = ?`,
		contribution: `SELECT count(*) FROM contribution WHERE created_by = ? AND idempotency_key = ?`
	};
	const r = await db.execute({ sql: q[w.kind], args: [w.actorId, w.key] });
	return Number(r.rows[0][0]);
}

/** Counts the acknowledged writes missing (0 rows) or doubled (more than 1), and refused ones present. */
export async function audit(db: Sql, acked: Write[], refused: Write[]) {
	let lost = 0;
	let doubled = 0;
	let phantom = 0;
	for (const w of acked) {
		const n = await rowsOf(db, w);
		if (n === 0) lost++;
		if (n > 1) doubled++;
	}
	for (const w of refused) if ((await rowsOf(db, w)) > 0) phantom++;
	return { lost, doubled, phantom };
}

export async function integrity(db: Sql): Promise<string> {
	const rows = (await db.execute('PRAGMA integrity_check')).rows.map((r) => String(r[0]));
	return rows.join('; ');
}

/**
 * Every rollup, per-area copy and active-member counter equals a recount of the ledger (the
 * invariant tests' own recount, tests/helpers/ledger-recount.ts); returns the cells compared and
 * what differed.
 */
export async function rollupsEqualLedger(db: Sql): Promise<{ compared: number; mismatches: string[] }> {
	try {
		return {
			compared: await expectRollupsEqualLedger(drizzle(db, { schema }) as unknown as Db),
			mismatches: []
		};
	} catch (error) {
		return { compared: 0, mismatches: [String((error as Error).message).slice(0, 2000)] };
	}
}
