import { addDays } from '../utils/dates';
import type { BadgeCode } from '../domain/badges';

/** Badge rules: the thresholds that earn a badge. */
export const BADGE_RULES = {
	/** Personal points totals that each earn a badge (`points_<n>`). */
	pointMilestones: [100, 500, 1000],
	/** Consecutive days of logging that earn `streak_7`. */
	streakDays: 7,
	/** For how long after it was earned a badge is shown as new (and celebrated). */
	newForMinutes: 10
} as const;

export type PointMilestone = (typeof BADGE_RULES.pointMilestones)[number];

/**
 * What a badge is earned by, in the order /me shows them: the person's first action, a logging
 * streak, points milestones, a kept pledge, and the badges their class or household wins together.
 */
export type BadgeKind = 'start' | 'streak' | 'points' | 'pledge' | 'team';

export interface BadgeStep {
	badge: BadgeCode;
	kind: BadgeKind;
	earned: boolean;
	/** Where the person stands toward a counted badge (all-or-nothing badges have none). */
	progress: { have: number; need: number; unit: 'points' | 'days' } | null;
	/** The first badge of its kind not yet earned: the one to aim for. */
	next: boolean;
}

/** Every badge a person can see on /me, earned or not, with progress toward the counted ones. */
export function badgeLadder(s: { points: number; streak: number; earned: ReadonlySet<string> }): BadgeStep[] {
	const steps: Omit<BadgeStep, 'earned' | 'next'>[] = [
		{ badge: 'first_action', kind: 'start', progress: null },
		{
			badge: `streak_${BADGE_RULES.streakDays}` as const,
			kind: 'streak',
			progress: {
				have: Math.min(s.streak, BADGE_RULES.streakDays),
				need: BADGE_RULES.streakDays,
				unit: 'days'
			}
		},
		...BADGE_RULES.pointMilestones.map((m) => ({
			badge: `points_${m}` as const,
			kind: 'points' as const,
			progress: { have: Math.min(Math.max(s.points, 0), m), need: m, unit: 'points' as const }
		})),
		{ badge: 'pledge_completed', kind: 'pledge', progress: null },
		{ badge: 'class_goal', kind: 'team', progress: null },
		{ badge: 'challenge_winner', kind: 'team', progress: null }
	];
	const seen = new Set<BadgeKind>();
	return steps.map((step) => {
		const earned = s.earned.has(step.badge);
		const next = !earned && step.kind !== 'team' && !seen.has(step.kind);
		if (next) seen.add(step.kind);
		return { ...step, earned, next };
	});
}

/**
 * The run of consecutive logging days that is still alive on `today`: ending today, or yesterday
 * when today has no log yet (the streak is not broken until the day is over).
 */
export function currentRun(days: readonly string[], today: string): number {
	const set = new Set(days);
	let day = set.has(today) ? today : addDays(today, -1);
	let run = 0;
	while (set.has(day)) {
		run++;
		day = addDays(day, -1);
	}
	return run;
}
