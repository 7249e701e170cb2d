/**
 * Chart rules: the most points one series may have. A series longer than this is drawn over the
 * last `maxPoints` days, so a stored date, however absurd, costs bounded work to draw.
 */
export const CHART_RULES = {
	maxPoints: 400
} as const;
