import { and, asc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { action, challenge, challengeAction, challengeParticipant } from '$lib/server/db/schema';

/** A challenge the new one would run alongside, for the same classes or neighbourhoods. */
export interface Overlap {
	id: number;
	title: string;
	startDay: string;
	endDay: string;
	/** The new challenge's actions that it counts too (an action logged then counts in both). */
	sharedActions: { vi: string; en: string }[];
}

/**
 * The challenges, not yet over on `today`, whose days meet [startDay, endDay] and that share a class
 * or neighbourhood with the new one, each with the new one's actions it counts too.
 */
export async function overlappingChallenges(
	db: DbOrTx,
	groups: { classIds: number[]; neighbourhoodIds: number[] },
	days: { startDay: string; endDay: string },
	actionIds: number[],
	today: string
): Promise<Overlap[]> {
	if (groups.classIds.length === 0 && groups.neighbourhoodIds.length === 0) return [];
	const rows = await db
		.selectDistinct({
			id: challenge.id,
			title: challenge.title,
			startDay: challenge.startDay,
			endDay: challenge.endDay
		})
		.from(challenge)
		.innerJoin(challengeParticipant, eq(challengeParticipant.challengeId, challenge.id))
		.where(
			and(
				gte(challenge.endDay, today),
				lte(challenge.startDay, days.endDay),
				gte(challenge.endDay, days.startDay),
				or(
					groups.classIds.length ? inArray(challengeParticipant.classId, groups.classIds) : sql`0`,
					groups.neighbourhoodIds.length
						? inArray(challengeParticipant.neighbourhoodId, groups.neighbourhoodIds)
						: sql`0`
				)
			)
		)
		.orderBy(asc(challenge.startDay), asc(challenge.id));
	if (rows.length === 0) return [];
	const shared = actionIds.length
		? await db
				.select({ challengeId: challengeAction.challengeId, vi: action.nameVi, en: action.nameEn })
				.from(challengeAction)
				.innerJoin(action, eq(action.id, challengeAction.actionId))
				.where(
					and(
						inArray(
							challengeAction.challengeId,
							rows.map((r) => r.id)
						),
						inArray(challengeAction.actionId, actionIds)
					)
				)
				.orderBy(action.id)
		: [];
	return rows.map((r) => ({
		...r,
		sharedActions: shared.filter((a) => a.challengeId === r.id).map(({ vi, en }) => ({ vi, en }))
	}));
}
