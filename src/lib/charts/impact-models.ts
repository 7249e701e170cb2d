import type { ChartConfiguration } from 'chart.js';
import { PALETTE } from './palette';
import { kgForChart } from '$lib/utils/units';

export interface ModelBar {
	/** Translated model name (shortened by the caller if it wants). */
	label: string;
	gramsAvoided: number;
	gramsCollected: number;
}

/**
 * Community models side by side: horizontal bars of kg avoided and kg collected per model (long
 * Vietnamese names fit on a phone that way), biggest first, models with nothing left out. Each
 * model's figures count every entry once, but an entry can belong to two models (a student's class
 * and their family's neighbourhood), so the bars are never stacked into a total. Pure.
 */
export function buildImpactModelsChart(
	rows: ModelBar[],
	labels: { avoided: string; collected: string; axis: string }
): ChartConfiguration<'bar'> {
	const shown = rows
		.filter((r) => r.gramsAvoided > 0 || r.gramsCollected > 0)
		.sort((a, b) => b.gramsAvoided + b.gramsCollected - (a.gramsAvoided + a.gramsCollected));
	return {
		type: 'bar',
		data: {
			labels: shown.map((r) => r.label),
			datasets: [
				{
					label: labels.avoided,
					data: shown.map((r) => kgForChart(r.gramsAvoided)),
					backgroundColor: PALETTE.green,
					borderWidth: 0
				},
				{
					label: labels.collected,
					data: shown.map((r) => kgForChart(r.gramsCollected)),
					backgroundColor: PALETTE.yellow,
					borderWidth: 0
				}
			]
		},
		options: {
			indexAxis: 'y',
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { position: 'bottom' } },
			scales: {
				x: { beginAtZero: true, stacked: false, title: { display: true, text: labels.axis } },
				y: { stacked: false, ticks: { autoSkip: false } }
			}
		}
	};
}
