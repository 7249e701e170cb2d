import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/utils/dates';
import { dailySeries, toPledgeView } from './queries';
import type { PledgeRow } from './pledges';

const row = (over: Partial<PledgeRow> = {}): PledgeRow => ({
	id: 1,
	userId: 1,
	householdId: null,
	item: 'bottle',
	customName: null,
	gramsPerItem: 10,
	usesPerDay: 1,
	startDay: '2026-11-24',
	endDay: '2026-11-30',
	endedOn: null,
	completedOn: null,
	idempotencyKey: null,
	createdAt: new Date(0),
	...over
});
const checkins = (days: string[]) =>
	days.map((localDay) => ({ localDay, itemsAvoided: 2, gramsAvoided: 20 }));

describe('pledge view', () => {
	it('offers today and yesterday only inside the pledge, and not for a day already checked', () => {
		const v = toPledgeView(row(), checkins(['2026-11-24']), '2026-11-25');
		expect(v).toMatchObject({
			state: 'active',
			canCheckInToday: true,
			canCheckInYesterday: false,
			daysCheckedIn: 1,
			itemsAvoided: 2,
			gramsAvoided: 20,
			totalDays: 7
		});
		expect(toPledgeView(row(), [], '2026-11-24')).toMatchObject({
			canCheckInToday: true,
			canCheckInYesterday: false
		});
	});

	it('the day after the last day is a last chance for yesterday, then the pledge is over', () => {
		const days = checkins(Array.from({ length: 6 }, (_, i) => addDays('2026-11-24', i)));
		expect(toPledgeView(row(), days, '2026-12-01')).toMatchObject({
			state: 'active',
			canCheckInToday: false,
			canCheckInYesterday: true
		});
		expect(toPledgeView(row(), days, '2026-12-02')).toMatchObject({
			state: 'finished',
			canCheckInYesterday: false
		});
	});

	it('an ended pledge takes no check-ins and its streak stops on the day it ended', () => {
		const v = toPledgeView(
			row({ endedOn: '2026-11-26' }),
			checkins(['2026-11-24', '2026-11-25', '2026-11-26']),
			'2026-11-28'
		);
		expect(v).toMatchObject({ state: 'ended', canCheckInToday: false, canCheckInYesterday: false });
		expect(v.streak.current).toBe(3);
	});

	it('fills days without a check-in with zeros for the chart', () => {
		expect(dailySeries(checkins(['2026-11-30']), '2026-11-29', '2026-12-01')).toEqual([
			{ day: '2026-11-29', items: 0, grams: 0 },
			{ day: '2026-11-30', items: 2, grams: 20 },
			{ day: '2026-12-01', items: 0, grams: 0 }
		]);
	});
});
