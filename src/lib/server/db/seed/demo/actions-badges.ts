import { awardBadge, hasRun } from '$lib/server/actions/badges';
import { BADGE_RULES } from '$lib/rules/badges';
import type { Tx } from '../../client';

/**
 * The badges the demo history earns, worked out once from all its logs (the same rules as
 * `awardActionBadges`, which would cost a handful of queries per log): first action, the first
 * 7-day streak and each points milestone, dated when they were reached.
 */
export async function awardDemoBadges(
	tx: Tx,
	logs: { personId?: number | null; localDay: string; createdAt: Date; points: number }[]
) {
	const byPerson = new Map<number, typeof logs>();
	for (const l of logs) if (l.personId) byPerson.set(l.personId, [...(byPerson.get(l.personId) ?? []), l]);
	for (const [userId, mine] of byPerson) {
		const ordered = [...mine].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
		await awardBadge(tx, 'first_action', { userId }, '', ordered[0].createdAt);
		const days: string[] = [];
		let points = 0;
		const reached = new Set<number>();
		for (const l of ordered) {
			days.push(l.localDay);
			if (days.length >= BADGE_RULES.streakDays && hasRun(days, BADGE_RULES.streakDays))
				await awardBadge(tx, 'streak_7', { userId }, '', l.createdAt);
			points += l.points;
			for (const m of BADGE_RULES.pointMilestones)
				if (points >= m && !reached.has(m)) {
					reached.add(m);
					await awardBadge(tx, `points_${m}`, { userId }, '', l.createdAt);
				}
		}
	}
}
