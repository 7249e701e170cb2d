/**
 * What the benchmark dataset adds for the impact dashboard (tests/bench/data.ts): community models
 * on schools and neighbourhoods, pledges with check-ins, and the impact rollups of the millions of
 * entries it loads in bulk, rebuilt from the same rules afterwards (raw inserts write no rollups).
 */
import type { ResultSet } from '@libsql/client';
import type { Db } from '../../src/lib/server/db/client';
import { rebuildImpactRollups } from '../../src/lib/server/impact/rebuild';

type Run = (sql: string, args?: (string | number | null)[]) => Promise<ResultSet>;
type One = (sql: string, args?: (string | number | null)[]) => Promise<number>;

/** One student in PLEDGE_EVERY keeps a 30-day bottle pledge with CHECKINS check-ins. */
const PLEDGE_EVERY = 5;
const CHECKINS = 10;

const seq = (n: number) =>
	`WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${n - 1})`;

/** SQL for the model of row `n`: three schools and neighbourhoods in four belong to one of the 12. */
export const modelOf = (n: string) =>
	`CASE WHEN ${n} % 4 = 0 THEN NULL ELSE (SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM community_model) WHERE k = (${n} / 4) % 12) END`;

/**
 * The impact rollups of entries loaded in bulk: rebuilds them once the ledger is in, and returns
 * their size and the model the dashboard benchmark filters by.
 */
export async function finishImpactRollups(db: Db, one: One) {
	await rebuildImpactRollups(db);
	return {
		counts: {
			impactRows: await one('SELECT count(*) FROM impact_day'),
			impactMembers: await one('SELECT count(*) FROM impact_member')
		},
		modelId: await one(`SELECT id FROM community_model WHERE code = 'green-school'`)
	};
}

/** Pledges, their check-ins and the check-ins' ledger entries; returns how many entries it wrote. */
export async function loadPledges(
	run: Run,
	one: One,
	d: {
		S: number;
		E: number;
		C: number;
		H: number;
		DAYS: number;
		sBase: number;
		classBase: number;
		hhBase: number;
		today: string;
	}
): Promise<number> {
	const P = Math.floor(d.S / PLEDGE_EVERY);
	const C_IN = Math.min(P * CHECKINS, Math.floor(d.E / 10));
	const pledgeBase = await one('SELECT coalesce(max(id), 0) FROM pledge');
	await run(
		`${seq(P)} INSERT INTO pledge (user_id, item, grams_per_item, uses_per_day, start_day, end_day)
		SELECT ? + 1 + n * ${PLEDGE_EVERY}, 'bottle', 10, 1, date(?, '-' || (40 + n % ${d.DAYS - 40}) || ' days'),
			date(?, '-' || (40 + n % ${d.DAYS - 40}) || ' days', '+29 days') FROM seq`,
		[d.sBase, d.today, d.today]
	);
	await run(
		`${seq(C_IN)} INSERT INTO pledge_checkin (pledge_id, local_day, items_avoided, grams_avoided, user_id, class_id, household_id)
		SELECT p.id, date(p.start_day, '+' || ((n / ${P}) * 2) || ' days'), 1, 10, p.user_id,
			? + 1 + (p.user_id - ? - 1) % ${d.C}, ? + 1 + (p.user_id - ? - 1) % ${d.H}
		FROM seq JOIN pledge p ON p.id = ? + 1 + n % ${P}`,
		[d.classBase, d.sBase, d.hhBase, d.sBase, pledgeBase]
	);
	await run(
		`INSERT INTO ledger_entry (created_at, local_day, points, grams_avoided, source_kind, source_id, actor_id, person_id, class_id, household_id)
		SELECT (unixepoch(local_day) - 25200 + 36000) * 1000, local_day, 2, grams_avoided, 'checkin', id, user_id, user_id, class_id, household_id
		FROM pledge_checkin`
	);
	return C_IN;
}
