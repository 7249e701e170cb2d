import { describe, expect, it } from 'vitest';
import { buildImpactModelsChart } from './impact-models';

const labels = { schools: 'Schools', neighbourhoods: 'Neighbourhoods', axis: 'kg' };

describe('buildImpactModelsChart', () => {
	it('shows kg per model for schools and neighbourhoods side by side, biggest first, without empty models', () => {
		const config = buildImpactModelsChart(
			[
				{ label: 'Green school', schoolGrams: 12_340, neighbourhoodGrams: 0 },
				{ label: 'Empty', schoolGrams: 0, neighbourhoodGrams: 0 },
				{ label: 'Residential', schoolGrams: 0, neighbourhoodGrams: 30_060 }
			],
			labels
		);
		expect(config.data.labels).toEqual(['Residential', 'Green school']);
		expect(config.data.datasets.map((d) => d.label)).toEqual(['Schools', 'Neighbourhoods']);
		expect(config.data.datasets[0].data).toEqual([0, 12.3]);
		expect(config.data.datasets[1].data).toEqual([30.1, 0]);
		expect(config.options?.scales?.x?.stacked).toBe(false);
	});

	it('has no bars before anything is logged', () => {
		expect(buildImpactModelsChart([], labels).data.labels).toEqual([]);
	});
});
