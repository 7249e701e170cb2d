import { describe, expect, it } from 'vitest';
import { pledgeImpactConfig } from './pledge-impact';

describe('pledge impact chart', () => {
	const labels = { items: 'Items', grams: 'Grams' };

	it('draws items per day as bars and the running total of grams as a line on its own axis', () => {
		const config = pledgeImpactConfig(
			[
				{ label: '30/11', items: 2, grams: 20 },
				{ label: '1/12', items: 0, grams: 0 },
				{ label: '2/12', items: 3, grams: 30 }
			],
			labels
		);
		expect(config.data.labels).toEqual(['30/11', '1/12', '2/12']);
		const [bars, line] = config.data.datasets;
		expect(bars).toMatchObject({ type: 'bar', label: 'Items', data: [2, 0, 3], yAxisID: 'items' });
		expect(line).toMatchObject({ type: 'line', label: 'Grams', data: [20, 20, 50], yAxisID: 'grams' });
		expect(Object.keys(config.options?.scales ?? {})).toEqual(['items', 'grams']);
		expect(config.options?.animation).toBe(false);
	});

	it('an empty series gives empty datasets rather than failing', () => {
		const config = pledgeImpactConfig([], labels);
		expect(config.data.labels).toEqual([]);
		expect(config.data.datasets.map((d) => d.data)).toEqual([[], []]);
	});
});
