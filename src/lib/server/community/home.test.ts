import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeClass, makeHousehold, makeStudentWorld, makeUser } from '../../../../tests/helpers/factories';
import { householdMember, schoolClass } from '$lib/server/db/schema';
import { homePlaces } from './home';

const t = await createTestDb();

describe('home shortcuts', () => {
	it('lists a teacher’s current classes (not archived) and a student’s class and active household', async () => {
		const w = await makeStudentWorld(t.db);
		const old = await makeClass(t.db, { schoolId: w.school.id, teacherIds: [w.teacher.id], name: '9Z9' });
		await t.db.update(schoolClass).set({ archivedAt: new Date() }).where(eq(schoolClass.id, old.id));
		expect(await homePlaces(t.db, { id: w.teacher.id, roles: ['teacher'] })).toEqual({
			classes: [{ id: w.cls.id, name: w.cls.name }],
			household: null
		});
		expect(await homePlaces(t.db, { id: w.student.id, roles: ['student'] })).toEqual({
			classes: [{ id: w.cls.id, name: w.cls.name }],
			household: { id: w.household.id, name: w.household.displayName }
		});
	});

	it('does not offer a household whose link is still waiting for approval', async () => {
		const student = await makeUser(t.db, { roles: ['student'] });
		const hh = await makeHousehold(t.db, { studentIds: [student.id] });
		await t.db
			.update(householdMember)
			.set({ status: 'pending' })
			.where(eq(householdMember.userId, student.id));
		expect((await homePlaces(t.db, { id: student.id, roles: ['student'] })).household).toBeNull();
		await t.db
			.update(householdMember)
			.set({ status: 'active' })
			.where(eq(householdMember.userId, student.id));
		expect((await homePlaces(t.db, { id: student.id, roles: ['student'] })).household).toEqual({
			id: hh.id,
			name: hh.displayName
		});
	});
});
