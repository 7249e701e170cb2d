import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { householdMember, user } from '$lib/server/db/schema';
import {
	checkHouseholdAdultGrant,
	mayDecideHouseholdRequest,
	type GrantRefusal
} from '$lib/server/access/grants';
import type { Viewer } from '$lib/server/access/relations';
import { grantRole, normaliseUsername } from '$lib/server/people/accounts';

/** Requests to join a household (made with its join code) and how they are decided. */

export type DecideError =
	'trust.household.notYours' | 'structure.members.notPending' | 'trust.household.adultFirst' | GrantRefusal;

export type DecideResult =
	{ ok: true; outcome: 'approved' | 'declined' | 'already' } | { ok: false; status: 403; error: DecideError };

const refused = (error: DecideError) => ({ ok: false, status: 403, error }) as const;

/**
 * Approves or declines one pending request of THIS household. An approved adult decides; with no
 * adult left, the neighbourhood's steward or an organiser may approve an adult's request (the
 * students' wait for that adult). Anyone else, or a request of another household, is refused and
 * nothing changes. Approving twice is one approval.
 */
export async function decideHouseholdRequest(
	db: Db,
	approver: Viewer,
	householdId: number,
	userId: number,
	approve: boolean
): Promise<DecideResult> {
	return db.transaction(async (tx): Promise<DecideResult> => {
		const who = await mayDecideHouseholdRequest(tx, approver, householdId);
		if (!who) return refused('trust.household.notYours');
		const [m] = await tx
			.select({ kind: householdMember.kind, status: householdMember.status })
			.from(householdMember)
			.where(and(eq(householdMember.householdId, householdId), eq(householdMember.userId, userId)));
		if (!m) return refused('structure.members.notPending');
		if (m.status === 'active')
			return approve ? { ok: true, outcome: 'already' } : refused('structure.members.notPending');
		if (who === 'recovery' && approve && m.kind !== 'adult') return refused('trust.household.adultFirst');
		const pending = and(
			eq(householdMember.householdId, householdId),
			eq(householdMember.userId, userId),
			eq(householdMember.status, 'pending')
		);
		if (!approve) {
			await tx.delete(householdMember).where(pending);
			return { ok: true, outcome: 'declined' };
		}
		if (m.kind === 'adult') {
			const grant = await checkHouseholdAdultGrant(tx, userId);
			if (!grant.ok) return refused(grant.error);
		}
		await tx.update(householdMember).set({ status: 'active', approvedBy: approver.id }).where(pending);
		if (m.kind === 'adult') await grantRole(tx, userId, 'household');
		return { ok: true, outcome: 'approved' };
	});
}

export type RecoverResult =
	| { ok: true }
	| {
			ok: false;
			status: 400 | 403;
			error:
				| 'trust.household.notYours'
				| 'trust.household.unknownAdult'
				| 'structure.household.alreadyMember'
				| GrantRefusal;
	  };

/**
 * A household with no adult left: its neighbourhood's steward or an organiser names an adult (by
 * e-mail or username) who becomes its adult at once. A request they had made here is approved.
 */
export async function recoverHousehold(
	db: Db,
	granter: Viewer,
	householdId: number,
	who: string
): Promise<RecoverResult> {
	return db.transaction(async (tx): Promise<RecoverResult> => {
		if ((await mayDecideHouseholdRequest(tx, granter, householdId)) !== 'recovery')
			return { ok: false, status: 403, error: 'trust.household.notYours' };
		const [adult] = await tx
			.select({ id: user.id })
			.from(user)
			.where(eq(user.username, normaliseUsername(who)));
		if (!adult) return { ok: false, status: 400, error: 'trust.household.unknownAdult' };
		const grant = await checkHouseholdAdultGrant(tx, adult.id);
		if (!grant.ok) return { ok: false, status: 400, error: grant.error };
		const [current] = await tx
			.select({ householdId: householdMember.householdId })
			.from(householdMember)
			.where(eq(householdMember.userId, adult.id));
		if (current && current.householdId !== householdId)
			return { ok: false, status: 400, error: 'structure.household.alreadyMember' };
		await tx
			.insert(householdMember)
			.values({ householdId, userId: adult.id, kind: 'adult', status: 'active', approvedBy: granter.id })
			.onConflictDoUpdate({
				target: householdMember.userId,
				set: { kind: 'adult', status: 'active', approvedBy: granter.id }
			});
		await grantRole(tx, adult.id, 'household');
		return { ok: true };
	});
}

/** Withdraws one's own pending request, or leaves the household; false when there was nothing to leave. */
export async function leaveHousehold(db: Db, userId: number): Promise<boolean> {
	const rows = await db
		.delete(householdMember)
		.where(eq(householdMember.userId, userId))
		.returning({ id: householdMember.userId });
	return rows.length > 0;
}
