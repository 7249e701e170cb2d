/**
 * Streaks and grace days, as pure functions of the days someone checked in (local `YYYY-MM-DD`
 * days in the app time zone). Nothing is stored: every page recomputes from the check-ins, so a
 * late check-in for yesterday gives back a grace day that had been spent on it.
 *
 * Rules (shown to users in plain words, see `pledge.rules.*`):
 * - each checked-in day adds one to the streak;
 * - every 7 checked-in days of a streak earn one grace day, and at most 2 are held;
 * - a missed day spends a grace day automatically and the streak carries on (the grace day itself
 *   does not add to the count); with no grace day left the streak starts again from zero;
 * - today is never a miss: there is still time to check in.
 */
import { addDays, daysBetween } from '$lib/utils/dates';
import { PLEDGE_LIMITS } from '$lib/rules/pledges';

type DayStatus = 'checked' | 'grace' | 'missed' | 'pending';

export interface StreakState {
	/** Checked-in days in the current run (grace days bridge a run but do not add to it). */
	current: number;
	longest: number;
	/** Grace days held now (0–2). */
	graceHeld: number;
	/** Checked-in days towards the next grace day (0–6). */
	towardsGrace: number;
	/** Days a grace day covered, oldest first. */
	graceDays: string[];
	checkedToday: boolean;
	/** Every day from the start to today with what happened on it. */
	days: { day: string; status: DayStatus }[];
}

interface WalkOptions {
	/** First day to consider (a pledge's start); default: the earliest check-in. */
	from?: string;
	/** Last day to consider, usually today. */
	to: string;
	/** Whether `to` is still open (today): a missing check-in there is not a miss. Default true. */
	lastIsOpen?: boolean;
	graceEvery?: number;
	maxGrace?: number;
}

/** Walks day by day and applies the rules above. Days outside [from, to] are ignored. */
export function computeStreak(checkedDays: Iterable<string>, options: WalkOptions): StreakState {
	const checked = new Set(checkedDays);
	const graceEvery = options.graceEvery ?? PLEDGE_LIMITS.graceEvery;
	const maxGrace = options.maxGrace ?? PLEDGE_LIMITS.maxGrace;
	const lastIsOpen = options.lastIsOpen ?? true;
	const from = options.from ?? [...checked].sort()[0];
	const state: StreakState = {
		current: 0,
		longest: 0,
		graceHeld: 0,
		towardsGrace: 0,
		graceDays: [],
		checkedToday: checked.has(options.to),
		days: []
	};
	if (!from || daysBetween(from, options.to) < 0) return state;

	// A year and a half at most: enough for any pledge, and a bound on the loop.
	const span = Math.min(daysBetween(from, options.to), 550);
	for (let i = 0; i <= span; i++) {
		const day = addDays(from, i);
		if (checked.has(day)) {
			state.current += 1;
			state.longest = Math.max(state.longest, state.current);
			state.towardsGrace += 1;
			if (state.towardsGrace === graceEvery) {
				state.towardsGrace = 0;
				state.graceHeld = Math.min(maxGrace, state.graceHeld + 1);
			}
			state.days.push({ day, status: 'checked' });
		} else if (day === options.to && lastIsOpen) {
			state.days.push({ day, status: 'pending' });
		} else if (state.graceHeld > 0) {
			state.graceHeld -= 1;
			state.graceDays.push(day);
			state.days.push({ day, status: 'grace' });
		} else {
			state.current = 0;
			state.towardsGrace = 0;
			state.days.push({ day, status: 'missed' });
		}
	}
	return state;
}

/**
 * Whether a pledge from `start` to `end` is kept: its last day checked in and every earlier day
 * either checked in or covered by a grace day.
 */
export function isPledgeKept(checkedDays: Iterable<string>, start: string, end: string): boolean {
	const checked = new Set(checkedDays);
	if (!checked.has(end)) return false;
	const walk = computeStreak(checked, { from: start, to: end, lastIsOpen: false });
	return walk.days.every((d) => d.status === 'checked' || d.status === 'grace');
}
