import { BADGE_RULES } from '$lib/rules/badges';

/** Badges for actions, goals and challenges (awarded by lib/server/actions/badges.ts). */
export const ACTION_BADGES = [
	'first_action',
	'streak_7',
	...BADGE_RULES.pointMilestones.map((m) => `points_${m}` as const),
	'class_goal',
	'challenge_winner'
] as const;

/** The badge for a kept pledge (awarded by lib/server/pledges/pledges.ts). */
export const PLEDGE_BADGE = 'pledge_completed';

/** Every badge; each has `badge.<code>` and `badge.<code>.hint` messages. */
const BADGES = [...ACTION_BADGES, PLEDGE_BADGE] as const;
export type BadgeCode = (typeof BADGES)[number];

export function isBadge(value: string): value is BadgeCode {
	return (BADGES as readonly string[]).includes(value);
}
