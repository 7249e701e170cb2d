import type { ChartConfiguration } from 'chart.js';
import { PALETTE, translucent } from './palette';
import { CHART_RULES } from '$lib/rules/charts';
import { addDays, dayRange, daysBetween, isDay } from '$lib/utils/dates';
import { kgForChart } from '$lib/utils/units';

export interface GoalChartInput {
	startDay: string;
	deadline: string;
	/** Cumulative value at the end of each day so far (start … today), in the goal's base unit. */
	series: { day: string; value: number }[];
	target: number;
	/** The goal counts grams: the axis shows kilograms. */
	grams?: boolean;
	labels: { progress: string; ideal: string };
	/** How a day is written on the axis (the page passes its locale's formatter). */
	dayLabel?: (day: string) => string;
}

/**
 * The days the chart shows: the whole goal, or, for a goal longer than the chart's bound (only an
 * old or hand-made row can be), the bound's worth of days that reaches the latest progress.
 */
export function chartDays(startDay: string, deadline: string, lastProgressDay?: string): string[] {
	if (!isDay(startDay) || !isDay(deadline) || deadline < startDay) return [];
	const max = CHART_RULES.maxPoints;
	if (daysBetween(startDay, deadline) < max) return dayRange(startDay, deadline, max);
	const early = addDays(startDay, max - 1);
	const end =
		lastProgressDay && lastProgressDay > early && lastProgressDay < deadline ? lastProgressDay : early;
	return dayRange(startDay, end, max);
}

/**
 * A line chart of a goal: the class's cumulative progress (solid, up to today) against the straight
 * line from 0 on the first day to the target on the deadline (dashed). Pure: no chart.js import.
 */
export function goalProgressConfig(
	input: GoalChartInput
): ChartConfiguration<'line', (number | null)[], string> {
	const days = chartDays(input.startDay, input.deadline, input.series.at(-1)?.day);
	const byDay = new Map(input.series.map((s) => [s.day, s.value]));
	// The straight line passes between whole counts: two decimals (kilograms: the rule for charts).
	const twoDecimals = (v: number) => Math.round(v * 100) / 100;
	const round = input.grams ? kgForChart : twoDecimals;
	// The straight line runs over the whole goal, even when the chart shows part of it.
	const steps = days.length ? daysBetween(input.startDay, input.deadline) : 0;
	const ideal = days.map((d) =>
		round(steps === 0 ? input.target : (input.target * daysBetween(input.startDay, d)) / steps)
	);
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
