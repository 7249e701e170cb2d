/** Badge rules: the thresholds that earn a badge. */
export const BADGE_RULES = {
	/** Personal points totals that each earn a badge (`points_<n>`). */
	pointMilestones: [100, 500, 1000],
	/** Consecutive days of logging that earn `streak_7`. */
	streakDays: 7
} as const;

export type PointMilestone = (typeof BADGE_RULES.pointMilestones)[number];
