import { describe, expect, it } from 'vitest';
import { addDays, monthEnd } from './dates';
import { addYears, periodProblem, presetPeriod, tileBuckets, trendSlices } from './periods';

describe('periods', () => {
	it('names presets relative to today', () => {
		expect(presetPeriod('4w', '2026-03-10')).toEqual({ from: '2026-02-11', to: '2026-03-10' });
		expect(presetPeriod('12w', '2026-03-10')).toEqual({ from: '2025-12-17', to: '2026-03-10' });
		expect(presetPeriod('month', '2026-03-10')).toEqual({ from: '2026-03-01', to: '2026-03-10' });
		expect(presetPeriod('last-month', '2026-03-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
		expect(presetPeriod('last-month', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
	});

	it('refuses reversed, malformed and longer-than-five-year periods', () => {
		expect(periodProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
		expect(periodProblem({ from: '2026-03-02', to: '2026-03-01' })).toBe('reversed');
		expect(periodProblem({ from: '2026-02-30', to: '2026-03-01' })).toBe('invalid');
		expect(periodProblem({ from: '1970-01-01', to: '1970-01-02' })).toBe('invalid');
		expect(periodProblem({ from: '2020-01-01', to: '2024-12-31' })).toBeNull();
		expect(periodProblem({ from: '2020-01-01', to: '2025-01-01' })).toBe('tooLong');
		expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
	});

	it('tiles a period with whole months, then whole weeks, then days, without gaps or overlaps', () => {
		// 2026-01-26 is a Monday; that week would swallow 1 February, so days give way to the month.
		const tiles = tileBuckets({ from: '2026-01-19', to: '2026-04-08' });
		expect(tiles.map((t) => `${t.grain}:${t.bucket}`)).toEqual([
			'week:2026-01-19',
			'day:2026-01-26',
			'day:2026-01-27',
			'day:2026-01-28',
			'day:2026-01-29',
			'day:2026-01-30',
			'day:2026-01-31',
			'month:2026-02',
			'month:2026-03',
			'day:2026-04-01',
			'day:2026-04-02',
			'day:2026-04-03',
			'day:2026-04-04',
			'day:2026-04-05',
			'day:2026-04-06',
			'day:2026-04-07',
			'day:2026-04-08'
		]);
		for (let from = '2025-12-20'; from < '2026-03-05'; from = addDays(from, 3)) {
			for (const to of [from, addDays(from, 5), addDays(from, 40), addDays(from, 400)]) {
				const covered: string[] = [];
				for (const t of tileBuckets({ from, to })) {
					const end =
						t.grain === 'day' ? t.start : t.grain === 'week' ? addDays(t.start, 6) : monthEnd(t.start);
					for (let d = t.start; d <= end; d = addDays(d, 1)) covered.push(d);
				}
				const expected: string[] = [];
				for (let d = from; d <= to; d = addDays(d, 1)) expected.push(d);
				expect(covered).toEqual(expected);
			}
		}
	});

	it('keeps five years within about 90 buckets and twelve weeks within about a dozen', () => {
		expect(tileBuckets({ from: '2021-01-15', to: '2026-01-14' }).length).toBeLessThanOrEqual(90);
		expect(tileBuckets({ from: '2026-09-08', to: '2026-11-30' }).length).toBeLessThanOrEqual(14);
	});

	it('cuts short periods into Monday weeks and long ones into months, clipped at the ends', () => {
		const weeks = trendSlices({ from: '2026-03-04', to: '2026-03-17' });
		expect(weeks.unit).toBe('week');
		expect(weeks.slices).toEqual([
			{ label: '2026-03-02', from: '2026-03-04', to: '2026-03-08' },
			{ label: '2026-03-09', from: '2026-03-09', to: '2026-03-15' },
			{ label: '2026-03-16', from: '2026-03-16', to: '2026-03-17' }
		]);
		expect(trendSlices({ from: '2026-03-04', to: '2026-03-17' }, true).slices).toEqual([
			{ label: '2026-03-02', from: '2026-03-02', to: '2026-03-08' },
			{ label: '2026-03-09', from: '2026-03-09', to: '2026-03-15' },
			{ label: '2026-03-16', from: '2026-03-16', to: '2026-03-22' }
		]);
		const months = trendSlices({ from: '2024-01-10', to: '2026-01-05' });
		expect(months.unit).toBe('month');
		expect(months.slices[0]).toEqual({ label: '2024-01', from: '2024-01-10', to: '2024-01-31' });
		expect(months.slices.at(-1)).toEqual({ label: '2026-01', from: '2026-01-01', to: '2026-01-05' });
		expect(months.slices).toHaveLength(25);
		expect(trendSlices({ from: '2024-01-10', to: '2026-01-05' }, true).slices[0]).toEqual({
			label: '2024-01',
			from: '2024-01-01',
			to: '2024-01-31'
		});
	});
});
