import { describe, expect, it } from 'vitest';
import { buildImpactModelsChart } from './impact-models';

const labels = { avoided: 'Avoided', collected: 'Collected', axis: 'kg' };

describe('buildImpactModelsChart', () => {
	it('shows kg avoided and collected per model side by side, biggest first, without empty models', () => {
		const config = buildImpactModelsChart(
			[
				{ label: 'Green school', gramsAvoided: 12_340, gramsCollected: 0 },
				{ label: 'Empty', gramsAvoided: 0, gramsCollected: 0 },
				{ label: 'Playground', gramsAvoided: 1_000, gramsCollected: 30_060 }
			],
			labels
		);
		expect(config.data.labels).toEqual(['Playground', 'Green school']);
		expect(config.data.datasets.map((d) => d.label)).toEqual(['Avoided', 'Collected']);
		expect(config.data.datasets[0].data).toEqual([1, 12.3]);
		expect(config.data.datasets[1].data).toEqual([30.1, 0]);
		expect(config.options?.scales?.x?.stacked).toBe(false);
	});

	it('has no bars before anything is logged', () => {
		expect(buildImpactModelsChart([], labels).data.labels).toEqual([]);
	});
});
