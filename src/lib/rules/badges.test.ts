import { describe, expect, it } from 'vitest';
import { badgeLadder, currentRun } from './badges';

describe('badge ladder', () => {
	it('marks the next badge of each kind and how far the person is from it', () => {
		const ladder = badgeLadder({
			points: 995,
			streak: 3,
			earned: new Set(['first_action', 'points_100', 'points_500'])
		});
		const by = new Map(ladder.map((s) => [s.badge, s]));
		expect(by.get('points_1000')).toMatchObject({
			earned: false,
			next: true,
			progress: { have: 995, need: 1000, unit: 'points' }
		});
		expect(by.get('points_500')).toMatchObject({ earned: true, next: false });
		expect(by.get('streak_7')).toMatchObject({ next: true, progress: { have: 3, need: 7, unit: 'days' } });
		expect(by.get('first_action')).toMatchObject({ earned: true, next: false });
		// Team badges are won together: shown, never "next" for one person.
		expect(by.get('class_goal')).toMatchObject({ earned: false, next: false });
		expect(ladder.filter((s) => s.next).map((s) => s.badge)).toEqual([
			'streak_7',
			'points_1000',
			'pledge_completed'
		]);
	});

	it('aims at the lowest milestone not yet earned, and at nothing when all are', () => {
		const fresh = badgeLadder({ points: 0, streak: 0, earned: new Set() });
		expect(fresh.filter((s) => s.kind === 'points' && s.next).map((s) => s.badge)).toEqual(['points_100']);
		expect(fresh.find((s) => s.badge === 'first_action')?.next).toBe(true);
		const done = badgeLadder({
			points: 4000,
			streak: 9,
			earned: new Set([
				'first_action',
				'streak_7',
				'points_100',
				'points_500',
				'points_1000',
				'pledge_completed'
			])
		});
		expect(done.filter((s) => s.next)).toEqual([]);
		expect(done.find((s) => s.badge === 'points_1000')?.progress).toEqual({
			have: 1000,
			need: 1000,
			unit: 'points'
		});
	});
});

describe('current run of logging days', () => {
	it('counts back from today, or from yesterday while today is still open', () => {
		const days = ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-29'];
		expect(currentRun(days, '2026-11-29')).toBe(1);
		expect(currentRun(days, '2026-11-28')).toBe(3);
		expect(currentRun(days, '2026-11-30')).toBe(1);
		expect(currentRun(days, '2026-12-01')).toBe(0);
		expect(currentRun([], '2026-12-01')).toBe(0);
	});
});
