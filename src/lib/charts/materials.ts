import type { ChartConfiguration } from 'chart.js';
import { MATERIAL_COLOURS } from './palette';
import { kgForChart } from '$lib/utils/units';

export interface MaterialBar {
	/** Translated material name. */
	label: string;
	grams: number;
}

/**
 * A horizontal bar chart of kilograms per material (long Vietnamese labels fit on a phone that
 * way), largest first, with kg to one decimal. Pure: the page passes translated labels.
 */
export function buildMaterialsChart(rows: MaterialBar[], axisLabel: string): ChartConfiguration<'bar'> {
	const sorted = rows
		.map((r, i) => ({ ...r, colour: MATERIAL_COLOURS[i % MATERIAL_COLOURS.length] }))
		.filter((r) => r.grams > 0)
		.sort((a, b) => b.grams - a.grams);
	return {
		type: 'bar',
		data: {
			labels: sorted.map((r) => r.label),
			datasets: [
				{
					label: axisLabel,
					data: sorted.map((r) => kgForChart(r.grams)),
					backgroundColor: sorted.map((r) => r.colour),
					borderWidth: 0
				}
			]
		},
		options: {
			indexAxis: 'y',
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { display: false } },
			scales: {
				x: { beginAtZero: true, title: { display: true, text: axisLabel } },
				y: { ticks: { autoSkip: false } }
			}
		}
	};
}
