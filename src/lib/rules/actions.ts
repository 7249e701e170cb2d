/** Action rules: the catalogue's ranges, how much one person may log, and voiding. */
export const ACTION_RULES = {
	/** Points an action is worth in the catalogue (and in a challenge). */
	points: { min: 1, max: 1000 },
	/** How many of one action a person (or household) may log in a day. */
	dailyCap: { min: 1, max: 50 },
	/** The most of one action one log may count. */
	maxLogCount: 20,
	/** A log may be for today or this many days back. */
	backfillDays: 1,
	/** More than `limit` logs by one person within `windowMinutes` is a burst and refused. */
	throttle: { limit: 30, windowMinutes: 15 },
	/**
	 * How long after logging the person who logged an entry may undo it themself; after that it is
	 * the teacher's or steward's review.
	 */
	undoMinutes: 10,
	/** How many of their undoable entries /today offers at once (newest first). */
	undoListed: 5,
	/** The reason a teacher or steward gives for voiding an entry. */
	voidReason: { min: 3, max: 200 },
	/** A class's review page: how many days back its table and its list both reach, and entries a page. */
	review: { days: 7, pageSize: 20, maxPage: 500 }
} as const;

export const THROTTLE_WINDOW_MS = ACTION_RULES.throttle.windowMinutes * 60_000;
export const UNDO_WINDOW_MS = ACTION_RULES.undoMinutes * 60_000;
