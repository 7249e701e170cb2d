import { createClient, type Client as Sql } from '@libsql/client';

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
 * Recounts every all-time and daily rollup, and every all-time per-area rollup, from the ledger
 * alone; returns the rows that differ (as text) and how many rows were compared.
 */
export async function rollupsEqualLedger(db: Sql): Promise<{ compared: number; mismatches: string[] }> {
	const ledger = (
		await db.execute(
			`SELECT e.local_day, e.points, e.grams_avoided, e.grams_collected, e.source_kind, e.person_id, e.class_id,
			        e.household_id, c.school_id, s.area_id AS school_area, h.neighbourhood_id, n.area_id AS nb_area
			   FROM ledger_entry e
			   LEFT JOIN class c ON c.id = e.class_id LEFT JOIN school s ON s.id = c.school_id
			   LEFT JOIN household h ON h.id = e.household_id LEFT JOIN neighbourhood n ON n.id = h.neighbourhood_id`
		)
	).rows;
	const parent = new Map(
		(await db.execute('SELECT id, parent_id FROM area')).rows.map((r) => [
			Number(r.id),
			r.parent_id === null ? null : Number(r.parent_id)
		])
	);
	const chain = (id: number) => {
		const out: number[] = [];
		for (let a: number | null | undefined = id; a; a = parent.get(a)) out.push(a);
		return out;
	};
	type Sum = { points: number; avoided: number; collected: number; entries: number };
	const expected = new Map<string, Sum>();
	const expectedArea = new Map<string, Sum>();
	const add = (map: Map<string, Sum>, key: string, e: (typeof ledger)[number]) => {
		const s = map.get(key) ?? { points: 0, avoided: 0, collected: 0, entries: 0 };
		s.points += Number(e.points);
		s.avoided += Number(e.grams_avoided);
		s.collected += Number(e.grams_collected);
		s.entries += e.source_kind === 'reversal' ? -1 : 1;
		map.set(key, s);
	};
	for (const e of ledger) {
		const scopes: [string, unknown, unknown][] = [
			['person', e.person_id, null],
			['class', e.class_id, e.school_area],
			['school', e.school_id, e.school_area],
			['household', e.household_id, null],
			['neighbourhood', e.neighbourhood_id, e.nb_area]
		];
		for (const [kind, id, areaId] of scopes) {
			if (id === null) continue;
			add(expected, `${kind}|${id}|all|all`, e);
			add(expected, `${kind}|${id}|day|${e.local_day}`, e);
			if (areaId !== null) for (const a of chain(Number(areaId))) add(expectedArea, `${kind}|${a}|${id}`, e);
		}
	}
	const mismatches: string[] = [];
	const compare = (label: string, want: Sum | undefined, got: Sum) => {
		const w = want ?? { points: 0, avoided: 0, collected: 0, entries: 0 };
		if (
			w.points !== got.points ||
			w.avoided !== got.avoided ||
			w.collected !== got.collected ||
			w.entries !== got.entries
		)
			mismatches.push(`${label}: rollup ${JSON.stringify(got)} ≠ ledger ${JSON.stringify(w)}`);
	};
	const rollups = (
		await db.execute(
			`SELECT scope_kind, scope_id, period_kind, period_key, points, grams_avoided, grams_collected, entries
			   FROM rollup WHERE period_kind IN ('all', 'day') AND scope_kind != 'area'`
		)
	).rows;
	const seen = new Set<string>();
	for (const r of rollups) {
		const key = `${r.scope_kind}|${r.scope_id}|${r.period_kind}|${r.period_key}`;
		seen.add(key);
		compare(key, expected.get(key), {
			points: Number(r.points),
			avoided: Number(r.grams_avoided),
			collected: Number(r.grams_collected),
			entries: Number(r.entries)
		});
	}
	for (const key of expected.keys()) if (!seen.has(key)) mismatches.push(`${key}: in the ledger, no rollup`);
	const areaRows = (
		await db.execute(
			`SELECT board_kind, area_id, scope_id, points, entries FROM rollup_area WHERE period_kind = 'all'`
		)
	).rows;
	for (const r of areaRows) {
		const key = `${r.board_kind}|${r.area_id}|${r.scope_id}`;
		const want = expectedArea.get(key);
		if (!want || want.points !== Number(r.points) || want.entries !== Number(r.entries))
			mismatches.push(
				`area ${key}: rollup ${r.points}/${r.entries} ≠ ledger ${want?.points}/${want?.entries}`
			);
	}
	return { compared: rollups.length + areaRows.length, mismatches };
}
