import type { ChartConfiguration } from 'chart.js';
import { PALETTE, translucent } from './palette';
import { addDays } from '$lib/utils/dates';

export interface GoalChartInput {
	startDay: string;
	deadline: string;
	/** Cumulative value at the end of each day so far (start … today), in the goal's base unit. */
	series: { day: string; value: number }[];
	target: number;
	/** Base unit → shown unit (1000 for grams shown as kg). */
	divisor?: number;
	labels: { progress: string; ideal: string };
	/** How a day is written on the axis (the page passes its locale's formatter). */
	dayLabel?: (day: string) => string;
}

/** Every day from `from` to `to`, inclusive. */
export function daysFrom(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
	return out;
}

/**
 * A line chart of a goal: the class's cumulative progress (solid, up to today) against the straight
 * line from 0 on the first day to the target on the deadline (dashed). Pure: no chart.js import.
 */
export function goalProgressConfig(
	input: GoalChartInput
): ChartConfiguration<'line', (number | null)[], string> {
	const divisor = input.divisor ?? 1;
	const days = daysFrom(input.startDay, input.deadline);
	const byDay = new Map(input.series.map((s) => [s.day, s.value]));
	const round = (v: number) => Math.round((v / divisor) * 100) / 100;
	const steps = Math.max(1, days.length - 1);
	const ideal = days.map((_, i) => round(days.length === 1 ? input.target : (input.target * i) / steps));
	const progress = days.map((d) => (byDay.has(d) ? round(byDay.get(d)!) : null));
	return {
		type: 'line',
		data: {
			labels: days.map((d) => (input.dayLabel ? input.dayLabel(d) : d)),
			datasets: [
				{
					label: input.labels.progress,
					data: progress,
					borderColor: PALETTE.green,
					backgroundColor: translucent(PALETTE.green, 0.15),
					fill: true,
					tension: 0.2,
					pointRadius: 2,
					spanGaps: false
				},
				{
					label: input.labels.ideal,
					data: ideal,
					borderColor: PALETTE.muted,
					borderDash: [6, 4],
					pointRadius: 0,
					fill: false
				}
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			interaction: { mode: 'index', intersect: false },
			scales: { y: { beginAtZero: true, suggestedMax: round(input.target) } },
			plugins: { legend: { position: 'bottom' } }
		}
	};
}
