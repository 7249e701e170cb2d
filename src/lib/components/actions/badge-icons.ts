import type { BadgeCode } from '$lib/domain/badges';

const ICONS: Readonly<Record<BadgeCode, string>> & Partial<Record<string, string>> = {
	first_action: '🌱',
	streak_7: '🔥',
	points_100: '⭐',
	points_500: '🌟',
	points_1000: '🏆',
	pledge_completed: '🤝',
	class_goal: '🎯',
	challenge_winner: '🥇'
};

/** The picture shown beside a badge's name (decorative: the name says it in words). */
export function badgeIcon(badge: string): string {
	return ICONS[badge] ?? '🏅';
}
