import { describe, expect, it } from 'vitest';
import { buildImpactKgChart, buildImpactPeopleChart } from './impact-trend';

const rows = [
	{ label: '02/03', gramsAvoided: 12_340, gramsCollected: 0, students: 12, households: 3 },
	{ label: '09/03', gramsAvoided: 8_000, gramsCollected: 30_060, students: 15, households: 0 }
];

describe('impact trend charts', () => {
	it('shows kg avoided and collected per week as unstacked bars rounded to 0.1 kg', () => {
		const config = buildImpactKgChart(rows, { avoided: 'Avoided', collected: 'Collected', axis: 'kg' });
		expect(config.data.labels).toEqual(['02/03', '09/03']);
		expect(config.data.datasets.map((d) => d.label)).toEqual(['Avoided', 'Collected']);
		expect(config.data.datasets[0].data).toEqual([12.3, 8]);
		expect(config.data.datasets[1].data).toEqual([0, 30.1]);
		expect(config.options?.scales?.x?.stacked).toBe(false);
	});

	it('shows students and households active per week as whole-number lines from zero', () => {
		const config = buildImpactPeopleChart(rows, {
			students: 'Students',
			households: 'Households',
			axis: 'people'
		});
		expect(config.data.datasets.map((d) => d.data)).toEqual([
			[12, 15],
			[3, 0]
		]);
		const y = config.options?.scales?.y as { beginAtZero?: boolean; ticks?: { precision?: number } };
		expect(y.beginAtZero).toBe(true);
		expect(y.ticks?.precision).toBe(0);
	});

	it('draws an empty chart for an empty period', () => {
		expect(buildImpactKgChart([], { avoided: 'a', collected: 'c', axis: 'kg' }).data.labels).toEqual([]);
	});
});
