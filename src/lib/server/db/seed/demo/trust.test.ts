import { describe, expect, it } from 'vitest';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { createTestDb } from '../../../../../../tests/helpers/db';
import {
	classStudent,
	collectionPointNeighbourhood,
	dropOffCard,
	guardianLink,
	household,
	householdMember,
	parentCode,
	user
} from '../../schema';
import { seedDemoStructure } from './structure';
import { seedPlaygroundDemo } from './playground';
import { seedTrustDemo } from './trust';

const t = await createTestDb();

describe('trust demo', () => {
	it('links demo-family to demo-student through a used parent code, shows letters waiting and an adult asking to join', async () => {
		const ctx = await seedDemoStructure(t.db, new Date('2026-11-28T05:00:00Z'));
		await seedPlaygroundDemo(t.db, ctx);
		await seedTrustDemo(t.db, ctx);
		expect(await t.db.select().from(guardianLink)).toEqual([
			expect.objectContaining({ guardianId: ctx.familyId, studentId: ctx.studentId, via: 'code' })
		]);
		const used = await t.db.select().from(parentCode).where(isNotNull(parentCode.usedBy));
		expect(used).toEqual([expect.objectContaining({ studentId: ctx.studentId, usedBy: ctx.familyId })]);
		// A letter for each other student of 6A1, ready to print.
		const open = await t.db
			.select()
			.from(parentCode)
			.where(and(isNull(parentCode.usedBy), eq(parentCode.classId, ctx.classIds[0])));
		expect(open).toHaveLength(ctx.studentsByClass[0].length - 1);
		const [neighbour] = await t.db
			.select({ id: user.id })
			.from(user)
			.where(eq(user.username, 'demo-neighbour'));
		const waiting = await t.db.select().from(householdMember).where(eq(householdMember.status, 'pending'));
		expect(waiting).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ householdId: ctx.householdIds[0], userId: neighbour.id, kind: 'adult' })
			])
		);
		const cards = await t.db.select().from(dropOffCard);
		const households = await t.db.select().from(household);
		const students = await t.db.select().from(classStudent);
		expect(cards).toHaveLength(households.length + students.length);
		expect(await t.db.select().from(collectionPointNeighbourhood)).toHaveLength(2);
	});
});
