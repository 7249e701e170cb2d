import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeHousehold, makeNeighbourhood, makeSchool, makeUser } from '../../../../tests/helpers/factories';
import { guardianLink, householdMember, schoolInvite, schoolTeacher, userRole } from '$lib/server/db/schema';
import {
	createHousehold,
	decideStudentLink,
	getHouseholdCode,
	joinHouseholdByCode,
	rotateHouseholdCode
} from './households';
import { linkChild, listChildren } from '$lib/server/people/guardians';
import { createInvite, redeemInvite } from './schools';

const t = await createTestDb();
const roles = (u: { id: number }, r: string[]) => ({ id: u.id, roles: r });

describe('households', () => {
	it('a parent creates a household; a student joins by code as pending until an adult approves', async () => {
		const parent = await makeUser(t.db, { roles: ['household'] });
		const student = await makeUser(t.db, { roles: ['student'] });
		const nb = await makeNeighbourhood(t.db);
		const made = await createHousehold(t.db, parent.id, {
			neighbourhoodId: nb.id,
			displayName: 'Nhà Sen',
			kind: 'family'
		});
		if (!made.ok) throw new Error(made.error);
		expect(
			await createHousehold(t.db, parent.id, { neighbourhoodId: nb.id, displayName: 'Nhà 2', kind: 'family' })
		).toMatchObject({ ok: false, error: 'structure.household.alreadyMember' });
		const code = (await getHouseholdCode(t.db, made.householdId))!;
		expect(await joinHouseholdByCode(t.db, roles(student, ['student']), code.toLowerCase())).toEqual({
			ok: true,
			householdId: made.householdId,
			pending: true
		});
		const [pending] = await t.db.select().from(householdMember).where(eq(householdMember.userId, student.id));
		expect(pending.status).toBe('pending');
		expect(await decideStudentLink(t.db, made.householdId, student.id, parent.id, true)).toBe(true);
		const [active] = await t.db.select().from(householdMember).where(eq(householdMember.userId, student.id));
		expect(active).toMatchObject({ status: 'active', approvedBy: parent.id });

		expect(await linkChild(t.db, parent.id, student.id)).toBe(true);
		expect(await listChildren(t.db, parent.id)).toEqual([expect.objectContaining({ id: student.id })]);
	});

	it('another household cannot approve the link, a rotated code stops working, a guardian cannot link a stranger', async () => {
		const parent = await makeUser(t.db, { roles: ['household'] });
		const otherParent = await makeUser(t.db, { roles: ['household'] });
		const student = await makeUser(t.db, { roles: ['student'] });
		const hh = await makeHousehold(t.db, { adultIds: [parent.id] });
		const other = await makeHousehold(t.db, { adultIds: [otherParent.id] });
		const code = await rotateHouseholdCode(t.db, hh.id);
		await joinHouseholdByCode(t.db, roles(student, ['student']), code);
		// The other household's adult tries with their own household id, and with this one's id.
		expect(await decideStudentLink(t.db, other.id, student.id, otherParent.id, true)).toBe(false);
		const [still] = await t.db.select().from(householdMember).where(eq(householdMember.userId, student.id));
		expect(still.status).toBe('pending');
		expect(await linkChild(t.db, otherParent.id, student.id)).toBe(false);
		expect(await linkChild(t.db, parent.id, student.id)).toBe(false); // pending: not yet their household's child
		expect(await t.db.select().from(guardianLink).where(eq(guardianLink.studentId, student.id))).toHaveLength(
			0
		);

		await rotateHouseholdCode(t.db, hh.id);
		const late = await makeUser(t.db, { roles: ['household'] });
		expect(await joinHouseholdByCode(t.db, roles(late, ['household']), code)).toEqual({
			ok: false,
			error: 'structure.code.badHousehold'
		});
		expect(await t.db.select().from(householdMember).where(eq(householdMember.userId, late.id))).toHaveLength(
			0
		);
	});
});

describe('teacher invites', () => {
	it('are one-use: the second use by someone else is refused, by the same teacher does nothing', async () => {
		const organiser = await makeUser(t.db, { roles: ['organiser'] });
		const sch = await makeSchool(t.db);
		const { code } = await createInvite(t.db, sch.id, organiser.id);
		const teacher = await makeUser(t.db, { roles: ['household'] });
		expect(await redeemInvite(t.db, teacher.id, code.toLowerCase())).toMatchObject({
			ok: true,
			schoolId: sch.id,
			already: false
		});
		expect(await t.db.select().from(userRole).where(eq(userRole.userId, teacher.id))).toHaveLength(2);
		expect(await redeemInvite(t.db, teacher.id, code)).toMatchObject({ ok: true, already: true });
		const late = await makeUser(t.db);
		expect(await redeemInvite(t.db, late.id, code)).toEqual({ ok: false, error: 'structure.invite.used' });
		expect(await t.db.select().from(schoolTeacher).where(eq(schoolTeacher.userId, late.id))).toHaveLength(0);

		const old = await createInvite(t.db, sch.id, organiser.id, new Date(Date.now() - 30 * 86_400_000));
		expect(await redeemInvite(t.db, late.id, old.code)).toEqual({
			ok: false,
			error: 'structure.invite.expired'
		});
		expect(await redeemInvite(t.db, late.id, 'NOPE22')).toEqual({ ok: false, error: 'structure.invite.bad' });
		const [inv] = await t.db.select().from(schoolInvite).where(eq(schoolInvite.code, old.code));
		expect(inv.usedBy).toBeNull();
	});
});
