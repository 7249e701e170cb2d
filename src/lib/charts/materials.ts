import type { ChartConfiguration } from 'chart.js';

export interface MaterialBar {
	/** Translated material name. */
	label: string;
	grams: number;
}

/** One colour per material, in the order of MATERIALS; readable on white and distinct in greyscale print. */
export const MATERIAL_COLOURS = ['#1f7a4d', '#f2b705', '#2b6cb0', '#b83280', '#8a5a00', '#55605a'];

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
					data: sorted.map((r) => Math.round(r.grams / 100) / 10),
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
