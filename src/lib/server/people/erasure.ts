import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { impactMember, pledge, rollup, rollupDay, rollupMember, user } from '$lib/server/db/schema';
import { forgetPersonLimits } from '$lib/server/auth/rate-limit';
import { forgetReceipts } from '$lib/server/db/receipts';

/**
 * Erases a person: their user row (and with it, by foreign keys, their roles, sessions, class and
 * household memberships, guardian links, parent codes and drop-off card; ledger entries keep their
 * points with the person set to NULL), everything they wrote in their own words (a pledge's custom
 * name: `erasure.test.ts` lists every such column), their personal rollups and anything keyed by
 * their username. Class, school, household and neighbourhood rollups are left exactly as they
 * were, so no board changes.
 */
export async function erasePerson(db: Db, personId: number): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx.select({ username: user.username }).from(user).where(eq(user.id, personId));
		if (!row) return false;
		// Their words go; the pledge and its check-ins stay as anonymous totals.
		await tx.update(pledge).set({ customName: null }).where(eq(pledge.userId, personId));
		await tx.delete(rollup).where(and(eq(rollup.scopeKind, 'person'), eq(rollup.scopeId, personId)));
		await tx.delete(rollupDay).where(and(eq(rollupDay.scopeKind, 'person'), eq(rollupDay.scopeId, personId)));
		await tx.delete(rollupMember).where(eq(rollupMember.personId, personId));
		// Which days they were active goes; the impact counts they were part of stay (impact_active).
		await tx
			.delete(impactMember)
			.where(and(eq(impactMember.kind, 'student'), eq(impactMember.memberId, personId)));
		await forgetPersonLimits(tx, personId, row.username);
		await forgetReceipts(tx, personId);
		await tx.delete(user).where(eq(user.id, personId));
		return true;
	});
}
