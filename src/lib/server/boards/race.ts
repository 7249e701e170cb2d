import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import type { ScopeKind } from '$lib/server/db/schema';
import { CHART_RULES } from '$lib/rules/charts';
import { addDays, dayRange, daysBetween, weekStart } from '$lib/utils/dates';
import type { BoardPeriod } from './leaderboards';

/** Points per bucket (day, or week for all time) of some groups, for the board's race chart. */
export interface RaceData {
	labels: string[];
	series: { scopeId: number; points: number[] }[];
}

const ids = (scopeIds: number[]) =>
	sql.join(
		scopeIds.map((id) => sql`${id}`),
		sql`, `
	);

/**
 * The race chart's rows: one short row per group, its buckets packed into a string (rows cost
 * more than characters), from a primary-key range per group on its own rollup. Day rows over a
 * week or month window (up to `today`), week rows for all time; null for a challenge window,
 * whose day rows would mix in points from outside the challenge.
 */
export function raceQuery(
	scopeKind: ScopeKind,
	scopeIds: number[],
	period: BoardPeriod,
	today: string
): SQL | null {
	if (period.window === 'challenge' || scopeIds.length === 0) return null;
	const last = today < period.endDay ? today : period.endDay;
	// At most CHART_RULES.maxPoints weeks back, whatever days the database holds.
	const firstWeek = addDays(weekStart(last), -7 * (CHART_RULES.maxPoints - 1));
	const range =
		period.window === 'all'
			? sql`period_kind = 'week' AND period_key >= ${firstWeek} AND period_key <= ${last}`
			: sql`period_kind = 'day' AND period_key >= ${period.startDay} AND period_key <= ${last}`;
	return sql`SELECT scope_id AS scopeId, group_concat(period_key || '=' || points) AS buckets FROM rollup
		WHERE scope_kind = ${scopeKind} AND scope_id IN (${ids(scopeIds)}) AND ${range} GROUP BY scope_id`;
}

const labelCache = new Map<string, { labels: string[]; index: Map<string, number> }>();

/** The chart's buckets from `first` to `last` (days, or weeks for all time), kept: few windows are shown at once. */
function buckets(period: BoardPeriod, first: string, last: string) {
	const key = `${period.window}|${first}|${last}`;
	let found = labelCache.get(key);
	if (!found) {
		const labels: string[] = [];
		if (period.window === 'all') {
			const weeks = Math.min(Math.floor(daysBetween(first, last) / 7) + 1, CHART_RULES.maxPoints);
			for (let i = 0; i < weeks; i++) labels.push(addDays(first, 7 * i));
		} else labels.push(...dayRange(first, last, CHART_RULES.maxPoints));
		found = { labels, index: new Map(labels.map((l, i) => [l, i])) };
		if (labelCache.size > 200) labelCache.clear();
		labelCache.set(key, found);
	}
	return found;
}

/** The chart's labels and one series per group (in `scopeIds` order) from `raceQuery`'s rows. */
export function raceFromRows(
	scopeIds: number[],
	packed: { scopeId: number; buckets: string | null }[],
	period: BoardPeriod,
	today: string
): RaceData {
	const last = today < period.endDay ? today : period.endDay;
	let first = period.startDay;
	if (period.window === 'all') {
		// All time starts at the leaders' first week; each group's buckets come in key order.
		for (const p of packed) {
			const k = p.buckets?.slice(0, p.buckets.indexOf('='));
			if (k && (first === null || k < first)) first = k;
		}
		first ??= weekStart(last);
	}
	const { labels, index } = buckets(period, first!, last);
	const series = scopeIds.map((scopeId) => ({ scopeId, points: new Array<number>(labels.length).fill(0) }));
	const bySeries = new Map(series.map((s) => [s.scopeId, s.points]));
	for (const p of packed) {
		const points = bySeries.get(p.scopeId);
		if (!points || !p.buckets) continue;
		for (const b of p.buckets.split(',')) {
			const eq = b.indexOf('=');
			const i = index.get(b.slice(0, eq));
			if (i !== undefined) points[i] += Number(b.slice(eq + 1));
		}
	}
	return { labels: [...labels], series };
}

/** Day-by-day (or, for all time, week-by-week) points of the given groups; null for a challenge. */
export async function raceData(
	db: DbOrTx,
	scopeKind: ScopeKind,
	scopeIds: number[],
	period: BoardPeriod,
	today: string
): Promise<RaceData | null> {
	const query = raceQuery(scopeKind, scopeIds, period, today);
	if (!query) return null;
	return raceFromRows(
		scopeIds,
		await db.all<{ scopeId: number; buckets: string | null }>(query),
		period,
		today
	);
}
