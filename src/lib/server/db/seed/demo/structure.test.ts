import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../../../../tests/helpers/db';
import { consentRecord, household, householdMember, schoolClass, schoolInvite } from '../../schema';
import { isWellFormedCode } from '$lib/server/community/codes';
import { seedDemoStructure } from './structure';

const t = await createTestDb();

describe('demo structure', () => {
	it('has usable codes, a consent record, an open invite and a pending student link', async () => {
		const ctx = await seedDemoStructure(t.db, new Date('2026-11-28T05:00:00Z'));
		for (const c of await t.db.select().from(schoolClass)) expect(isWellFormedCode(c.joinCode!)).toBe(true);
		for (const h of await t.db.select().from(household)) expect(isWellFormedCode(h.inviteCode!)).toBe(true);
		expect(
			await t.db.select().from(consentRecord).where(eq(consentRecord.classId, ctx.classIds[0]))
		).toHaveLength(1);
		const [inv] = await t.db.select().from(schoolInvite);
		expect(isWellFormedCode(inv.code)).toBe(true);
		expect(inv.usedBy).toBeNull();
		const pending = await t.db.select().from(householdMember).where(eq(householdMember.status, 'pending'));
		expect(pending).toEqual([expect.objectContaining({ householdId: ctx.householdIds[0], kind: 'student' })]);
	});
});
