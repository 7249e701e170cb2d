import { describe, expect, it } from 'vitest';
import { chartDays, goalProgressConfig } from './goal-progress';
import { CHART_RULES } from '$lib/rules/charts';

const labels = { progress: 'Progress', ideal: 'On track' };

describe('goalProgressConfig', () => {
	it('draws progress up to today and a straight line from 0 to the target on the deadline', () => {
		const config = goalProgressConfig({
			startDay: '2026-11-25',
			deadline: '2026-11-29',
			target: 100,
			series: [
				{ day: '2026-11-25', value: 10 },
				{ day: '2026-11-26', value: 30 },
				{ day: '2026-11-27', value: 45 }
			],
			labels
		});
		expect(config.data.labels).toEqual([
			'2026-11-25',
			'2026-11-26',
			'2026-11-27',
			'2026-11-28',
			'2026-11-29'
		]);
		const [progress, ideal] = config.data.datasets;
		expect(progress.label).toBe('Progress');
		expect(progress.data).toEqual([10, 30, 45, null, null]);
		expect(ideal.data).toEqual([0, 25, 50, 75, 100]);
		expect(config.options?.scales?.y).toMatchObject({ beginAtZero: true, suggestedMax: 100 });
	});

	it('converts grams to kg and copes with a one-day goal', () => {
		const config = goalProgressConfig({
			startDay: '2026-11-27',
			deadline: '2026-11-27',
			target: 2500,
			grams: true,
			series: [{ day: '2026-11-27', value: 1234 }],
			labels,
			dayLabel: (d) => d.slice(5)
		});
		expect(config.data.labels).toEqual(['11-27']);
		expect(config.data.datasets[0].data).toEqual([1.2]);
		expect(config.data.datasets[1].data).toEqual([2.5]);
	});

	it('lists days across a month end', () => {
		expect(chartDays('2026-11-29', '2026-12-02')).toEqual([
			'2026-11-29',
			'2026-11-30',
			'2026-12-01',
			'2026-12-02'
		]);
	});

	it('draws a stored absurd deadline in bounded work, without throwing', () => {
		const config = goalProgressConfig({
			startDay: '2026-11-25',
			deadline: '9999-12-31',
			target: 1000,
			series: [
				{ day: '2026-11-25', value: 10 },
				{ day: '2026-11-26', value: 30 }
			],
			labels
		});
		expect(config.data.labels).toHaveLength(CHART_RULES.maxPoints);
		expect(config.data.labels?.[0]).toBe('2026-11-25');
		expect(config.data.datasets[0].data.slice(0, 3)).toEqual([10, 30, null]);
		// The straight line still aims at the (far) deadline: it barely rises over the shown days.
		expect(config.data.datasets[1].data.at(-1)).toBeLessThan(1);
		for (const broken of ['not-a-day', '0001-01-01'])
			expect(
				goalProgressConfig({ startDay: broken, deadline: '2026-12-01', target: 5, series: [], labels }).data
					.labels
			).toEqual([]);
	});
});
