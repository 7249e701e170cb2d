import type { ChartConfiguration } from 'chart.js';
import { PALETTE, translucent } from './palette';

export interface PledgeImpactPoint {
	/** Already formatted for people (e.g. "28/11"). */
	label: string;
	items: number;
	grams: number;
}

export interface PledgeImpactLabels {
	items: string;
	grams: string;
}

/**
 * Bars of single-use items avoided each day, with a line of the running total in grams on a second
 * axis, so a child sees both "how many today" and "how much so far". Pure: no DOM, no chart.js import.
 */
export function pledgeImpactConfig(
	points: PledgeImpactPoint[],
	labels: PledgeImpactLabels
): ChartConfiguration<'bar' | 'line'> {
	let running = 0;
	const cumulative = points.map((p) => (running += p.grams));
	return {
		type: 'bar',
		data: {
			labels: points.map((p) => p.label),
			datasets: [
				{
					type: 'bar',
					label: labels.items,
					data: points.map((p) => p.items),
					backgroundColor: PALETTE.green,
					yAxisID: 'items',
					order: 2
				},
				{
					type: 'line',
					label: labels.grams,
					data: cumulative,
					borderColor: PALETTE.blue,
					backgroundColor: translucent(PALETTE.blue, 0.12),
					fill: true,
					tension: 0.25,
					pointRadius: 0,
					yAxisID: 'grams',
					order: 1
				}
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			interaction: { mode: 'index', intersect: false },
			plugins: { legend: { position: 'bottom' } },
			scales: {
				items: {
					type: 'linear',
					position: 'left',
					beginAtZero: true,
					ticks: { precision: 0 },
					title: { display: true, text: labels.items }
				},
				grams: {
					type: 'linear',
					position: 'right',
					beginAtZero: true,
					grid: { drawOnChartArea: false },
					title: { display: true, text: labels.grams }
				}
			}
		}
	};
}
