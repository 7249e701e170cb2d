import type { ChartConfiguration } from 'chart.js';
import { SERIES_COLOURS } from './palette';

export interface BoardRaceInput {
	/** Bucket labels already formatted for people (days or weeks). */
	labels: string[];
	/** Top groups in rank order, with their points per bucket (not yet cumulative). */
	series: { name: string; points: number[] }[];
	yTitle: string;
	/** The viewer's group, drawn thicker. */
	highlight?: string | null;
}

/** Running totals: the race is told by cumulative points. */
export function cumulative(points: number[]): number[] {
	let sum = 0;
	return points.map((p) => (sum += p));
}

/** A line chart of the top groups' cumulative points over the window. Pure: unit-tested. */
export function boardRaceConfig(input: BoardRaceInput): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			labels: input.labels,
			datasets: input.series.map((s, i) => {
				const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
				const mine = input.highlight != null && s.name === input.highlight;
				return {
					label: s.name,
					data: cumulative(s.points),
					borderColor: colour,
					backgroundColor: colour,
					borderWidth: mine ? 4 : 2,
					pointRadius: input.labels.length > 14 ? 0 : 3,
					tension: 0.2,
					fill: false
				};
			})
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			interaction: { mode: 'index', intersect: false },
			plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
			scales: {
				x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 7 } },
				y: { beginAtZero: true, title: { display: true, text: input.yTitle }, ticks: { precision: 0 } }
			}
		}
	};
}
