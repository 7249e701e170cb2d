import { sql } from 'drizzle-orm';
import { createDb } from '../../src/lib/server/db/client';
import { impactDashboard } from '../../src/lib/server/impact/dashboard';
import { presetPeriod, type PeriodPreset } from '../../src/lib/utils/periods';
import { localDay } from '../../src/lib/utils/dates';
import type { BenchInfo } from './util';

/** The dashboard views timed: what an organiser opens first, and the heavier and narrower ones. */
export const DASHBOARD_VIEWS = (info: BenchInfo) =>
	[
		['province, last 12 weeks (the default view)', { areaId: info.provinceId, modelId: null }, '12w'],
		[
			'province and one model, last 12 weeks',
			{ areaId: info.provinceId, modelId: info.modelId ?? null },
			'12w'
		],
		['everywhere, last 52 weeks', { areaId: null, modelId: null }, '52w'],
		['one model, this month', { areaId: null, modelId: info.modelId ?? null }, 'month']
	] as const satisfies readonly (readonly [
		string,
		{ areaId: number | null; modelId: number | null },
		PeriodPreset
	])[];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Median time of every query one dashboard page view runs (in-process, no HTTP), per view: the
 * impact rollups only, so it should not grow with the ledger.
 */
export async function timeDashboardQueries(info: BenchInfo, rounds = 15) {
	const handle = await createDb({ url: info.db });
	const today = localDay(new Date(), 'Asia/Ho_Chi_Minh');
	const out: {
		name: string;
		medianMs: number;
		cpuMs: number;
		scanMs: number;
		scanCpuMs: number;
		students: number;
	}[] = [];
	for (const [name, scope, preset] of DASHBOARD_VIEWS(info)) {
		const period = presetPeriod(preset, today);
		let students = 0;
		for (let i = 0; i < 3; i++)
			students = (await impactDashboard(handle.db, scope, period)).participants.student;
		const times: number[] = [];
		// CPU time too: on a machine shared with other work, wall time mostly measures the wait.
		const cpu: number[] = [];
		for (let i = 0; i < rounds; i++) {
			const t0 = performance.now();
			const c0 = process.cpuUsage();
			await impactDashboard(handle.db, scope, period);
			const c = process.cpuUsage(c0);
			times.push(performance.now() - t0);
			cpu.push((c.user + c.system) / 1000);
		}
		// What the same period costs when read from the ledger instead: one aggregate over its entries
		// (less than the dashboard shows: no area, model, material or member breakdown).
		const scans: number[] = [];
		const scanCpu: number[] = [];
		for (let i = 0; i < 3; i++) {
			const t0 = performance.now();
			const c0 = process.cpuUsage();
			await handle.db.all(sql`SELECT count(*), sum(points), sum(grams_avoided), count(DISTINCT person_id)
				FROM ledger_entry WHERE local_day BETWEEN ${period.from} AND ${period.to}`);
			const c = process.cpuUsage(c0);
			scans.push(performance.now() - t0);
			scanCpu.push((c.user + c.system) / 1000);
		}
		out.push({
			name,
			medianMs: median(times),
			cpuMs: median(cpu),
			scanMs: median(scans),
			scanCpuMs: median(scanCpu),
			students
		});
	}
	handle.close();
	return out;
}

/** Prints the dashboard timings of both datasets with their ratios (`npm run bench -- --only impact`). */
export function printDashboardTimes(
	big: Awaited<ReturnType<typeof timeDashboardQueries>>,
	small: Awaited<ReturnType<typeof timeDashboardQueries>>,
	sizes: { big: number; small: number }
) {
	const k = (n: number) => `${Math.round(n / 1000).toLocaleString('en')}k`;
	console.info(
		`impact dashboard, queries of one page view, median (target < 300 ms at 2M entries); ${k(sizes.big)} and ${k(sizes.small)} entries:`
	);
	for (const [i, d] of big.entries())
		console.info(
			`  ${d.name.padEnd(46)} wall ${d.medianMs.toFixed(1).padStart(6)} ms / ${small[i].medianMs.toFixed(1).padStart(6)} ms, ` +
				`CPU ${d.cpuMs.toFixed(1).padStart(6)} ms / ${small[i].cpuMs.toFixed(1).padStart(6)} ms (scale ${(d.cpuMs / small[i].cpuMs).toFixed(2)}×); ` +
				`one ledger scan of the period: CPU ${d.scanCpuMs.toFixed(0)} ms = ${(d.scanCpuMs / d.cpuMs).toFixed(1)}× the whole dashboard`
		);
}
