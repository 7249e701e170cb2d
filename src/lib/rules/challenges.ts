import { addDays, daysBetween } from '../utils/dates';

import type { ChallengeScope } from '../domain/challenges';

export type ChallengeSide = 'class' | 'household';

/** Who races in a challenge of this scope: classes (class, school) or households (neighbourhood, area). */
export function racedBy(scope: ChallengeScope): ChallengeSide {
	return scope === 'class' || scope === 'school' ? 'class' : 'household';
}

/** Challenge rules: when one may run, how long, and how many actions it may count. */
export const CHALLENGE_RULES = {
	/** A challenge lasts at most this many days, first and last included. */
	maxDays: 365,
	/** It may start at most this many days before today (to cover a week already under way)… */
	maxDaysBack: 30,
	/** …and at most this many days after today. */
	maxDaysAhead: 365,
	/** Actions one challenge may count, and classes one class challenge may race. */
	maxActions: 50,
	maxClasses: 50,
	/** Challenges one list shows (newest end first). */
	listMax: 200,
	titleMax: 120,
	descriptionMax: 1000,
	/** Finished challenges settled (winners decided) per ledger write, so a write stays small. */
	settleBatch: 5
} as const;

export interface ChallengeDayBounds {
	startMin: string;
	startMax: string;
	/** The last end day allowed for a challenge starting on `start`. */
	endMax: (start: string) => string;
	/** A challenge must not be over before it is created. */
	endMin: string;
}

/** The days a challenge created on `today` may start and end on. */
export function challengeDayBounds(today: string): ChallengeDayBounds {
	return {
		startMin: addDays(today, -CHALLENGE_RULES.maxDaysBack),
		startMax: addDays(today, CHALLENGE_RULES.maxDaysAhead),
		endMin: today,
		endMax: (start) => addDays(start, CHALLENGE_RULES.maxDays - 1)
	};
}

export type ChallengeDayError =
	| 'challenges.days.order'
	| 'challenges.days.startTooEarly'
	| 'challenges.days.startTooLate'
	| 'challenges.days.past'
	| 'challenges.days.tooLong';

/** The first rule a challenge's days break, with the field it belongs to; null when they are fine. */
export function checkChallengeDays(
	startDay: string,
	endDay: string,
	today: string
): { field: 'startDay' | 'endDay'; error: ChallengeDayError } | null {
	const b = challengeDayBounds(today);
	if (endDay < startDay) return { field: 'endDay', error: 'challenges.days.order' };
	if (startDay < b.startMin) return { field: 'startDay', error: 'challenges.days.startTooEarly' };
	if (startDay > b.startMax) return { field: 'startDay', error: 'challenges.days.startTooLate' };
	if (endDay < b.endMin) return { field: 'endDay', error: 'challenges.days.past' };
	if (daysBetween(startDay, endDay) + 1 > CHALLENGE_RULES.maxDays)
		return { field: 'endDay', error: 'challenges.days.tooLong' };
	return null;
}
