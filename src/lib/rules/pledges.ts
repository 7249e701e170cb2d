/** Pledge rules: lengths, how many at once, check-in points, the bonus and grace days. */
export const PLEDGE_LIMITS = {
	durations: [7, 21, 30] as const,
	/** An "until a date" pledge runs 2–90 days, today included. */
	minDays: 2,
	maxDays: 90,
	maxUsesPerDay: 100,
	maxCustomGrams: 500,
	maxActive: 6,
	/** New pledges one person may start in a day. */
	maxStartsPerDay: 3,
	/** Points per check-in (not per item, so a bigger count cannot inflate the score). */
	checkinPoints: 5,
	/** Completion bonus per day of the pledge. */
	bonusPerDay: 2,
	/** Days of streak that earn one grace day, and how many can be held. */
	graceEvery: 7,
	maxGrace: 2
} as const;
