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

/**
 * Median time of every query one dashboard page view runs (in-process, no HTTP), per view: the
 * impact rollups only, so it should not grow with the ledger.
 */
export async function timeDashboardQueries(info: BenchInfo, rounds = 15) {
	const handle = await createDb({ url: info.db });
	const today = localDay(new Date(), 'Asia/Ho_Chi_Minh');
	const out: { name: string; medianMs: number; students: number }[] = [];
	for (const [name, scope, preset] of DASHBOARD_VIEWS(info)) {
		const period = presetPeriod(preset, today);
		let students = 0;
		for (let i = 0; i < 3; i++)
			students = (await impactDashboard(handle.db, scope, period)).participants.student;
		const times: number[] = [];
		for (let i = 0; i < rounds; i++) {
			const t0 = performance.now();
			await impactDashboard(handle.db, scope, period);
			times.push(performance.now() - t0);
		}
		times.sort((a, b) => a - b);
		out.push({ name, medianMs: times[Math.floor(times.length / 2)], students });
	}
	handle.close();
	return out;
}
