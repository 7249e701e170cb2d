import type { ChartConfiguration } from 'chart.js';
import { PALETTE } from './palette';

export interface ModelBar {
	/** Translated model name (shortened by the caller if it wants). */
	label: string;
	/** Grams avoided + collected through the model's schools. */
	schoolGrams: number;
	/** Grams avoided + collected through the model's neighbourhoods. */
	neighbourhoodGrams: number;
}

/**
 * Horizontal bars of kg per community model, one bar for its schools and one for its
 * neighbourhoods, side by side and never stacked (a student's action counts for both, so a sum
 * would double it). Models with no impact are left out; biggest first. Pure: labels come translated.
 */
export function buildImpactModelsChart(
	rows: ModelBar[],
	labels: { schools: string; neighbourhoods: string; axis: string }
): ChartConfiguration<'bar'> {
	const shown = rows
		.filter((r) => r.schoolGrams > 0 || r.neighbourhoodGrams > 0)
		.sort(
			(a, b) => Math.max(b.schoolGrams, b.neighbourhoodGrams) - Math.max(a.schoolGrams, a.neighbourhoodGrams)
		);
	const kg = (g: number) => Math.round(g / 100) / 10;
	return {
		type: 'bar',
		data: {
			labels: shown.map((r) => r.label),
			datasets: [
				{
					label: labels.schools,
					data: shown.map((r) => kg(r.schoolGrams)),
					backgroundColor: PALETTE.green,
					borderWidth: 0
				},
				{
					label: labels.neighbourhoods,
					data: shown.map((r) => kg(r.neighbourhoodGrams)),
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
