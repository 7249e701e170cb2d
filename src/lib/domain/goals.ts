/** What a class goal counts. */
export const GOAL_METRICS = ['points', 'action_count', 'kg_collected', 'checkins'] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];
