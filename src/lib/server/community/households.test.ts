import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeHousehold, makeNeighbourhood, makeSchool, makeUser } from '../../../../tests/helpers/factories';
import { householdMember, schoolInvite, schoolTeacher, userRole } from '$lib/server/db/schema';
import { createHousehold, getHouseholdCode, joinHouseholdByCode, rotateHouseholdCode } from './households';
import { decideHouseholdRequest, leaveHousehold, recoverHousehold } from './household-requests';
import { listChildren } from '$lib/server/people/guardians';
import { cardOf } from '$lib/server/people/cards';
import { createInvite, redeemInvite } from './schools';

const t = await createTestDb();
const rolesOf = async (userId: number) =>
	(await t.db.select({ role: userRole.role }).from(userRole).where(eq(userRole.userId, userId)))
		.map((r) => r.role)
		.sort();

describe('households', () => {
	it('a parent creates a household; a code only asks to join, and an adult of it approves each request', async () => {
		const parent = await makeUser(t.db, { roles: ['household'] });
		const student = await makeUser(t.db, { roles: ['student'] });
		const aunt = await makeUser(t.db, { roles: ['teacher'] });
		const nb = await makeNeighbourhood(t.db);
		const made = await createHousehold(t.db, parent.id, {
			neighbourhoodId: nb.id,
			displayName: 'Nhà Sen',
			kind: 'family'
		});
		if (!made.ok) throw new Error(made.error);
		expect(await cardOf(t.db, { householdId: made.householdId })).toMatch(/^[1-9]\d{9}$/);
		expect(
			await createHousehold(t.db, parent.id, { neighbourhoodId: nb.id, displayName: 'Nhà 2', kind: 'family' })
		).toMatchObject({ ok: false, error: 'structure.household.alreadyMember' });
		const code = (await getHouseholdCode(t.db, made.householdId))!;
		for (const who of [student, aunt])
			expect(await joinHouseholdByCode(t.db, who, code.toLowerCase())).toEqual({
				ok: true,
				householdId: made.householdId
			});
		const rows = await t.db
			.select()
			.from(householdMember)
			.where(eq(householdMember.householdId, made.householdId));
		expect(rows.map((r) => [r.userId, r.kind, r.status]).sort()).toEqual(
			[
				[parent.id, 'adult', 'active'],
				[student.id, 'student', 'pending'],
				[aunt.id, 'adult', 'pending']
			].sort()
		);
		// Not a member yet: no household role, no relation.
		expect(await rolesOf(aunt.id)).toEqual(['teacher']);
		const approver = { id: parent.id, roles: ['household'] };
		expect(await decideHouseholdRequest(t.db, approver, made.householdId, aunt.id, true)).toEqual({
			ok: true,
			outcome: 'approved'
		});
		expect(await rolesOf(aunt.id)).toEqual(['household', 'teacher']);
		// A second tap is the same approval.
		expect(await decideHouseholdRequest(t.db, approver, made.householdId, aunt.id, true)).toEqual({
			ok: true,
			outcome: 'already'
		});
		// The newly approved adult may decide too.
		expect(
			await decideHouseholdRequest(
				t.db,
				{ id: aunt.id, roles: ['household'] },
				made.householdId,
				student.id,
				true
			)
		).toEqual({ ok: true, outcome: 'approved' });
		const [active] = await t.db.select().from(householdMember).where(eq(householdMember.userId, student.id));
		expect(active).toMatchObject({ status: 'active', approvedBy: aunt.id });
		// Being an adult of the household does not make anyone a guardian.
		expect(await listChildren(t.db, parent.id)).toEqual([]);
	});

	it('another household cannot decide a request, a rotated code stops working, a student is never an adult', async () => {
		const parent = await makeUser(t.db, { roles: ['household'] });
		const otherParent = await makeUser(t.db, { roles: ['household'] });
		const student = await makeUser(t.db, { roles: ['student'] });
		const hh = await makeHousehold(t.db, { adultIds: [parent.id] });
		const other = await makeHousehold(t.db, { adultIds: [otherParent.id] });
		const code = await rotateHouseholdCode(t.db, hh.id);
		await joinHouseholdByCode(t.db, student, code);
		const stranger = { id: otherParent.id, roles: ['household'] };
		// The other household's adult tries with their own household id, and with this one's id.
		for (const householdId of [other.id, hh.id])
			for (const approve of [true, false])
				expect(await decideHouseholdRequest(t.db, stranger, householdId, student.id, approve)).toMatchObject({
					ok: false,
					status: 403
				});
		const [still] = await t.db.select().from(householdMember).where(eq(householdMember.userId, student.id));
		expect(still).toMatchObject({ householdId: hh.id, kind: 'student', status: 'pending' });

		await rotateHouseholdCode(t.db, hh.id);
		const late = await makeUser(t.db, { roles: ['household'] });
		expect(await joinHouseholdByCode(t.db, late, code)).toEqual({
			ok: false,
			error: 'structure.code.badHousehold'
		});
		expect(await t.db.select().from(householdMember).where(eq(householdMember.userId, late.id))).toHaveLength(
			0
		);
		// A student account cannot start a household either.
		const kid = await makeUser(t.db, { roles: ['student'] });
		expect(
			await createHousehold(t.db, kid.id, {
				neighbourhoodId: hh.neighbourhoodId,
				displayName: 'X',
				kind: 'family'
			})
		).toMatchObject({ ok: false, error: 'trust.grant.studentAccount' });
	});

	it('with no adult left, the neighbourhood steward or an organiser recovers the household, nobody else', async () => {
		const steward = await makeUser(t.db, { roles: ['steward'] });
		const otherSteward = await makeUser(t.db, { roles: ['steward'] });
		const nb = await makeNeighbourhood(t.db, { stewardIds: [steward.id] });
		await makeNeighbourhood(t.db, { stewardIds: [otherSteward.id] });
		const parent = await makeUser(t.db, { roles: ['household'] });
		const kid = await makeUser(t.db, { roles: ['student'] });
		const hh = await makeHousehold(t.db, {
			neighbourhoodId: nb.id,
			adultIds: [parent.id],
			studentIds: [kid.id]
		});
		const asSteward = { id: steward.id, roles: ['steward'] };
		// While an adult is there, the steward has no say.
		const newcomer = await makeUser(t.db, { roles: ['household'] });
		await joinHouseholdByCode(t.db, newcomer, await rotateHouseholdCode(t.db, hh.id));
		expect(await decideHouseholdRequest(t.db, asSteward, hh.id, newcomer.id, true)).toMatchObject({
			ok: false
		});
		expect(await leaveHousehold(t.db, parent.id)).toBe(true);
		// Now no adult is left: the other neighbourhood's steward still cannot, this one can.
		expect(
			await decideHouseholdRequest(
				t.db,
				{ id: otherSteward.id, roles: ['steward'] },
				hh.id,
				newcomer.id,
				true
			)
		).toMatchObject({ ok: false, status: 403 });
		expect(await decideHouseholdRequest(t.db, asSteward, hh.id, newcomer.id, true)).toEqual({
			ok: true,
			outcome: 'approved'
		});
		expect(await leaveHousehold(t.db, newcomer.id)).toBe(true);
		// An organiser hands it to a named adult; a student account is refused.
		const organiser = { id: (await makeUser(t.db, { roles: ['organiser'] })).id, roles: ['organiser'] };
		const other = await makeUser(t.db, { roles: ['student'] });
		expect(await recoverHousehold(t.db, organiser, hh.id, other.username)).toMatchObject({
			ok: false,
			error: 'trust.grant.studentAccount'
		});
		expect(
			await recoverHousehold(t.db, { id: otherSteward.id, roles: ['steward'] }, hh.id, parent.username)
		).toMatchObject({
			ok: false,
			status: 403
		});
		expect(await recoverHousehold(t.db, organiser, hh.id, parent.username)).toEqual({ ok: true });
		const [back] = await t.db.select().from(householdMember).where(eq(householdMember.userId, parent.id));
		expect(back).toMatchObject({ householdId: hh.id, kind: 'adult', status: 'active' });
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
