import type { GoalMetric } from '../domain/goals';
import { addDays } from '../utils/dates';

/** Goal rules: how far ahead a deadline may be, and the targets each metric accepts. */
export const GOAL_RULES = {
	/** A goal ends at most this many days after the day it is set. */
	maxDaysAhead: 365,
	/** Targets in the unit the teacher types (kg for `kg_collected`, one decimal). */
	target: {
		points: { min: 1, max: 1_000_000 },
		action_count: { min: 1, max: 100_000 },
		kg_collected: { min: 0.1, max: 100_000 },
		checkins: { min: 1, max: 100_000 }
	} satisfies Record<GoalMetric, { min: number; max: number }>
} as const;

/** The deadlines a goal set on `today` may have (both inclusive). */
export function goalDeadlineBounds(today: string): { min: string; max: string } {
	return { min: today, max: addDays(today, GOAL_RULES.maxDaysAhead) };
}
