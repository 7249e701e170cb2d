import { describe, expect, it } from 'vitest';
import { boardRaceConfig, cumulative } from './board-race';
import { SERIES_COLOURS } from './palette';

describe('board race chart config', () => {
	it('turns points per bucket into running totals', () => {
		expect(cumulative([3, 0, 5, -2, 1])).toEqual([3, 3, 8, 6, 7]);
		expect(cumulative([])).toEqual([]);
	});

	it('draws one cumulative line per group in rank order, the viewer thicker', () => {
		const config = boardRaceConfig({
			labels: ['T2', 'T3', 'T4'],
			series: [
				{ name: '6A1', points: [10, 0, 5] },
				{ name: '7A2', points: [2, 8, 1] }
			],
			yTitle: 'Điểm',
			highlight: '7A2'
		});
		expect(config.type).toBe('line');
		expect(config.data.labels).toEqual(['T2', 'T3', 'T4']);
		expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
			['6A1', [10, 10, 15]],
			['7A2', [2, 10, 11]]
		]);
		expect(config.data.datasets.map((d) => d.borderColor)).toEqual([SERIES_COLOURS[0], SERIES_COLOURS[1]]);
		expect(config.data.datasets.map((d) => d.borderWidth)).toEqual([2, 4]);
		expect(config.options?.scales?.y).toMatchObject({ beginAtZero: true, title: { text: 'Điểm' } });
		expect(config.options?.animation).toBe(false);
	});

	it('hides points on long windows so a month stays readable', () => {
		const labels = Array.from({ length: 30 }, (_, i) => String(i + 1));
		const config = boardRaceConfig({
			labels,
			series: [{ name: 'A', points: labels.map(() => 1) }],
			yTitle: 'x'
		});
		expect(config.data.datasets[0].pointRadius).toBe(0);
		expect(config.data.datasets[0].data.at(-1)).toBe(30);
	});
});
