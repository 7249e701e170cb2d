import type { ChartConfiguration } from 'chart.js';
import { PALETTE } from './palette';
import { kgForChart } from '$lib/utils/units';

export interface TrendRow {
	/** Axis label of the week or month, already formatted by the page. */
	label: string;
	gramsAvoided: number;
	gramsCollected: number;
	students: number;
	households: number;
}

/**
 * Kilograms avoided and collected per week (or month), side by side: two bar series on one kg
 * axis. Pure: the page passes translated labels.
 */
export function buildImpactKgChart(
	rows: TrendRow[],
	labels: { avoided: string; collected: string; axis: string }
): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: rows.map((r) => r.label),
			datasets: [
				{
					label: labels.avoided,
					data: rows.map((r) => kgForChart(r.gramsAvoided)),
					backgroundColor: PALETTE.green,
					borderWidth: 0
				},
				{
					label: labels.collected,
					data: rows.map((r) => kgForChart(r.gramsCollected)),
					backgroundColor: PALETTE.yellow,
					borderWidth: 0
				}
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { position: 'bottom' } },
			scales: {
				x: { stacked: false },
				y: { beginAtZero: true, title: { display: true, text: labels.axis } }
			}
		}
	};
}

/**
 * Students and households active per week (or month) as two lines starting at zero, so a model
 * that is growing or fading shows at a glance. Pure.
 */
export function buildImpactPeopleChart(
	rows: TrendRow[],
	labels: { students: string; households: string; axis: string }
): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			labels: rows.map((r) => r.label),
			datasets: [
				{
					label: labels.students,
					data: rows.map((r) => r.students),
					borderColor: PALETTE.blue,
					backgroundColor: PALETTE.blue,
					tension: 0.2,
					pointRadius: 3
				},
				{
					label: labels.households,
					data: rows.map((r) => r.households),
					borderColor: PALETTE.magenta,
					backgroundColor: PALETTE.magenta,
					borderDash: [6, 3],
					tension: 0.2,
					pointRadius: 3
				}
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { position: 'bottom' } },
			scales: {
				y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: labels.axis } }
			}
		}
	};
}
