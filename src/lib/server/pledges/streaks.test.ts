import { describe, expect, it } from 'vitest';
import { addDays, localDay } from '$lib/utils/dates';
import { computeStreak, isPledgeKept } from './streaks';

/** `n` consecutive days starting at `from`. */
const run = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));

describe('streaks and grace days', () => {
	it('counts consecutive days across a month end and a leap-year February', () => {
		expect(computeStreak(run('2026-01-29', 5), { to: '2026-02-02' }).current).toBe(5);
		expect(computeStreak(run('2028-02-27', 4), { to: '2028-03-01' }).current).toBe(4); // 27, 28, 29 Feb, 1 Mar
		expect(computeStreak(run('2026-12-30', 4), { to: '2027-01-02' }).current).toBe(4);
	});

	it('today without a check-in is still open, but yesterday without one is a miss', () => {
		const days = run('2026-11-25', 3); // 25, 26, 27
		const open = computeStreak(days, { to: '2026-11-28' });
		expect(open).toMatchObject({ current: 3, checkedToday: false });
		expect(open.days.at(-1)).toEqual({ day: '2026-11-28', status: 'pending' });
		const missed = computeStreak(days, { to: '2026-11-29' });
		expect(missed.current).toBe(0);
		expect(missed.days.find((d) => d.day === '2026-11-28')?.status).toBe('missed');
	});

	it('earns one grace day per 7 days, spends it on a missed day across a month end, and keeps the streak', () => {
		// 7 days 24–30 Nov, miss 1 Dec, check in 2–3 Dec.
		const days = [...run('2026-11-24', 7), '2026-12-02', '2026-12-03'];
		const s = computeStreak(days, { to: '2026-12-03' });
		expect(s.graceDays).toEqual(['2026-12-01']);
		expect(s.current).toBe(9);
		expect(s.graceHeld).toBe(0);
		expect(s.towardsGrace).toBe(2);
	});

	it('holds at most two grace days, and a third miss in a row ends the streak', () => {
		const days = run('2026-01-01', 28); // 4 × 7 days would be 4 grace days, capped at 2
		const full = computeStreak(days, { to: '2026-01-28' });
		expect(full).toMatchObject({ current: 28, graceHeld: 2 });
		// Miss 29, 30, 31 Jan: two are covered, the third breaks it; 1 Feb starts again.
		const after = computeStreak([...days, '2026-02-01'], { to: '2026-02-01' });
		expect(after.graceDays).toEqual(['2026-01-29', '2026-01-30']);
		expect(after.days.find((d) => d.day === '2026-01-31')?.status).toBe('missed');
		expect(after).toMatchObject({ current: 1, longest: 28, graceHeld: 0 });
	});

	it('a grace day is not earned before 7 days: a miss on day 5 breaks the streak', () => {
		const s = computeStreak(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-06'], {
			to: '2026-03-06'
		});
		expect(s).toMatchObject({ current: 1, longest: 4, graceDays: [] });
	});

	it('walks from a pledge start with no check-ins as all misses, ignoring days outside the range', () => {
		const s = computeStreak(['2026-02-10'], { from: '2026-03-01', to: '2026-03-03' });
		expect(s.current).toBe(0);
		expect(s.days.map((d) => d.status)).toEqual(['missed', 'missed', 'pending']);
	});

	it('uses local days: 23:30 and 00:30 in Hà Nội the same UTC date are two days of streak', () => {
		const lateEvening = localDay(new Date('2026-11-30T16:30:00Z'), 'Asia/Ho_Chi_Minh'); // 23:30 local, 30 Nov
		const pastMidnight = localDay(new Date('2026-11-30T17:30:00Z'), 'Asia/Ho_Chi_Minh'); // 00:30 local, 1 Dec
		expect([lateEvening, pastMidnight]).toEqual(['2026-11-30', '2026-12-01']);
		expect(computeStreak([lateEvening, pastMidnight], { to: pastMidnight }).current).toBe(2);
		// In UTC both instants fall on 30 Nov: one day, not two.
		const utc = [
			localDay(new Date('2026-11-30T16:30:00Z'), 'UTC'),
			localDay(new Date('2026-11-30T17:30:00Z'), 'UTC')
		];
		expect(computeStreak(utc, { to: '2026-11-30' }).current).toBe(1);
	});

	it('a pledge is kept when its last day is checked in and every day before is checked or graced', () => {
		const start = '2026-11-24';
		const end = addDays(start, 20); // 21 days
		const all = run(start, 21);
		expect(isPledgeKept(all, start, end)).toBe(true);
		expect(
			isPledgeKept(
				all.filter((d) => d !== '2026-12-05'),
				start,
				end
			)
		).toBe(true); // day 12: graced
		expect(
			isPledgeKept(
				all.filter((d) => d !== '2026-11-27'),
				start,
				end
			)
		).toBe(false); // day 4: no grace yet
		expect(
			isPledgeKept(
				all.filter((d) => d !== end),
				start,
				end
			)
		).toBe(false); // the last day must be checked
	});
});
