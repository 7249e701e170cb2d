import { describe, expect, it } from 'vitest';
import { buildMaterialsChart } from './materials';

describe('buildMaterialsChart', () => {
	it('shows kg per material, largest first, without empty materials', () => {
		const config = buildMaterialsChart(
			[
				{ label: 'PET', grams: 12_345 },
				{ label: 'Caps', grams: 0 },
				{ label: 'Ecobricks', grams: 40_050 }
			],
			'kg'
		);
		expect(config.type).toBe('bar');
		expect(config.data.labels).toEqual(['Ecobricks', 'PET']);
		expect(config.data.datasets[0].data).toEqual([40.1, 12.3]);
		expect(config.options?.indexAxis).toBe('y');
		// Colours stay with their material after sorting.
		expect(config.data.datasets[0].backgroundColor).toEqual(['#2b6cb0', '#1f7a4d']);
	});

	it('has no bars when nothing has been collected', () => {
		expect(buildMaterialsChart([], 'kg').data.labels).toEqual([]);
	});
});
