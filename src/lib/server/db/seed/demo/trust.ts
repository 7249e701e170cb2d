import { and, eq, isNull } from 'drizzle-orm';
import type { DemoSeeder } from './index';
import {
	classStudent,
	collectionPoint,
	collectionPointNeighbourhood,
	household,
	householdMember,
	parentCode,
	user,
	userRole
} from '../../schema';
import { ensureCard } from '$lib/server/people/cards';
import { issueMissingParentCodes, redeemParentCode } from '$lib/server/people/parent-codes';

/**
 * The trust model's demo, made through the same services people use: a drop-off card for every
 * household and student, the collection points serving the neighbourhood, parent letters for 6A1
 * (demo-family became demo-student's guardian by typing the code on theirs), and an adult waiting
 * for the demo family to approve their request to join.
 */
export const seedTrustDemo: DemoSeeder = async (db, ctx) => {
	for (const h of await db.select({ id: household.id }).from(household))
		await ensureCard(db, { householdId: h.id });
	for (const s of await db.select({ id: classStudent.userId }).from(classStudent))
		await ensureCard(db, { userId: s.id });

	// Both points take the neighbourhood's plastic; the school's also finds its own students.
	const points = await db.select({ id: collectionPoint.id }).from(collectionPoint);
	for (const p of points)
		await db
			.insert(collectionPointNeighbourhood)
			.values({ pointId: p.id, neighbourhoodId: ctx.neighbourhoodId })
			.onConflictDoNothing();

	await issueMissingParentCodes(db, ctx.classIds[0], ctx.teacherId, ctx.now);
	const [letter] = await db
		.select({ code: parentCode.code })
		.from(parentCode)
		.where(and(eq(parentCode.studentId, ctx.studentId), isNull(parentCode.usedBy)));
	const linked = await redeemParentCode(db, ctx.familyId, letter.code, ctx.now);
	if (!linked.ok) throw new Error(`demo parent code: ${linked.error}`);

	await db.transaction(async (tx) => {
		const [neighbour] = await tx
			.insert(user)
			.values({
				username: 'demo-neighbour',
				displayName: 'Vũ Thị Hạnh',
				nickname: 'Cô Hạnh',
				passwordHash: ctx.passwordHash,
				isDemo: true
			})
			.returning({ id: user.id });
		await tx.insert(userRole).values({ userId: neighbour.id, role: 'household' });
		await tx.insert(householdMember).values({
			householdId: ctx.householdIds[0],
			userId: neighbour.id,
			kind: 'adult',
			status: 'pending'
		});
	});
};
