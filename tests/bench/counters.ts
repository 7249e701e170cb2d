import type { Client } from '@libsql/client';
import { PER_MEMBER_RULES } from '../../src/lib/rules/boards';
import { addDays, monthKey, weekStart } from '../../src/lib/utils/dates';

/**
 * The active-member and active-day counters (`rollup_member`, `rollup_day`) for the periods a new
 * write can land in (the weeks and months of today and yesterday, and all time), computed in bulk
 * from the ledger. The benchmark writes while it reads, so the rows its writes add to must exist
 * as the app would have left them: then a write updates counters, as on a real school morning,
 * instead of creating them, and every rollup it touches stays equal to the ledger.
 */
export async function addWriteCounters(client: Client, today: string): Promise<void> {
	const yesterday = addDays(today, -1);
	const weeks = [...new Set([weekStart(today), weekStart(yesterday)])];
	const months = [...new Set([monthKey(today), monthKey(yesterday)])];
	const from = [weeks[weeks.length - 1], `${months[months.length - 1]}-01`].sort()[0];
	const quoted = (keys: string[]) => keys.map((k) => `'${k}'`).join(', ');
	const periods = [
		{ kind: 'week', key: `date(e.local_day, '-6 days', 'weekday 1')`, keys: weeks },
		{ kind: 'month', key: 'substr(e.local_day, 1, 7)', keys: months },
		{ kind: 'all', key: `'all'`, keys: null }
	];
	const scopes = [
		{ kind: 'person', id: 'e.person_id', join: '' },
		{ kind: 'class', id: 'e.class_id', join: '' },
		{ kind: 'school', id: 'c.school_id', join: 'JOIN class c ON c.id = e.class_id' },
		{ kind: 'household', id: 'e.household_id', join: '' },
		{ kind: 'neighbourhood', id: 'h.neighbourhood_id', join: 'JOIN household h ON h.id = e.household_id' }
	];
	await client.execute('DELETE FROM rollup_member');
	await client.execute('DELETE FROM rollup_day');
	for (const p of periods) {
		const recent = p.keys ? `AND e.local_day >= '${from}' AND ${p.key} IN (${quoted(p.keys)})` : '';
		for (const s of scopes) {
			await client.execute(`INSERT INTO rollup_member (scope_kind, scope_id, period_kind, period_key, person_id, entries)
				SELECT '${s.kind}', ${s.id}, '${p.kind}', ${p.key}, e.person_id, count(*) FROM ledger_entry e ${s.join}
				WHERE ${s.id} IS NOT NULL AND e.person_id IS NOT NULL ${recent}
				GROUP BY ${s.id}, ${p.key}, e.person_id`);
			const rule = PER_MEMBER_RULES[s.kind as keyof typeof PER_MEMBER_RULES];
			if (!rule?.orMinDays) continue;
			await client.execute(`INSERT INTO rollup_day (scope_kind, scope_id, period_kind, period_key, day, entries)
				SELECT '${s.kind}', ${s.id}, '${p.kind}', ${p.key}, e.local_day, count(*) FROM ledger_entry e ${s.join}
				WHERE ${s.id} IS NOT NULL ${recent}
				GROUP BY ${s.id}, ${p.key}, e.local_day`);
		}
	}
}
