import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isDay, localDay, monthEnd, periodKeysFor, weekStart } from './dates';

describe('app time zone days', () => {
	it('23:59 and 00:01 in Asia/Ho_Chi_Minh fall on different local days than UTC says', () => {
		// 2026-11-29 23:59 in Hà Nội is 16:59 UTC on the same day; 00:01 on the 30th is 17:01 UTC on the 29th.
		expect(localDay(new Date('2026-11-29T16:59:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-29');
		expect(localDay(new Date('2026-11-29T17:01:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-30');
		expect(localDay(new Date('2026-11-29T17:01:00Z'), 'UTC')).toBe('2026-11-29');
	});

	it('weeks start on Monday', () => {
		expect(weekStart('2026-11-30')).toBe('2026-11-30'); // a Monday
		expect(weekStart('2026-12-06')).toBe('2026-11-30'); // the Sunday after
		expect(weekStart('2026-11-29')).toBe('2026-11-23');
		// 00:00 Monday local is Sunday 17:00 UTC: it already belongs to the new week.
		const mondayMidnight = new Date('2026-11-29T17:00:00Z');
		expect(periodKeysFor(localDay(mondayMidnight, 'Asia/Ho_Chi_Minh')).week).toBe('2026-11-30');
		expect(periodKeysFor(localDay(new Date(mondayMidnight.getTime() - 1), 'Asia/Ho_Chi_Minh')).week).toBe(
			'2026-11-23'
		);
	});

	it('calendar arithmetic across month and year ends', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
		expect(daysBetween('2026-11-28', '2026-12-02')).toBe(4);
		expect(monthEnd('2026-02-10')).toBe('2026-02-28');
		expect(periodKeysFor('2026-11-28')).toEqual({ week: '2026-11-23', month: '2026-11', all: 'all' });
	});

	it('validates days', () => {
		expect(isDay('2026-02-29')).toBe(false);
		expect(isDay('2028-02-29')).toBe(true);
		expect(isDay('2026-1-01')).toBe(false);
	});
});
