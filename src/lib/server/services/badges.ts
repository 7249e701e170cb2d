import type { DbOrTx } from '$lib/server/db/client';
import { badgeAward } from '$lib/server/db/schema';

export type BadgeOwner = { userId: number } | { classId: number } | { householdId: number };

function ownerKey(owner: BadgeOwner): string {
	if ('userId' in owner) return `u:${owner.userId}`;
	if ('classId' in owner) return `c:${owner.classId}`;
	return `h:${owner.householdId}`;
}

/**
 * Awards a badge once per (badge, owner, refKey); returns whether it was new. Safe to call on every
 * qualifying write: the unique index makes repeats no-ops.
 */
export async function awardBadge(
	db: DbOrTx,
	badge: string,
	owner: BadgeOwner,
	refKey = '',
	at = new Date()
): Promise<boolean> {
	const rows = await db
		.insert(badgeAward)
		.values({
			badge,
			ownerKey: ownerKey(owner),
			userId: 'userId' in owner ? owner.userId : null,
			classId: 'classId' in owner ? owner.classId : null,
			householdId: 'householdId' in owner ? owner.householdId : null,
			refKey,
			awardedAt: at
		})
		.onConflictDoNothing()
		.returning({ id: badgeAward.id });
	return rows.length > 0;
}
