import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../helpers/db';
import { call, requestEvent as event } from '../helpers/events';
import { makeHousehold, makeSchool, makeUser, makeStudentWorld } from '../helpers/factories';
import {
	classStudent,
	classTeacher,
	consentRecord,
	guardianLink,
	household,
	householdMember,
	schoolClass,
	user
} from '../../src/lib/server/db/schema';

const t = await createTestDb();
vi.mock('$lib/server/db', () => ({ getDb: async () => t.db }));

const students = await import('../../src/routes/(app)/classes/[classId=id]/students/+page.server');
const importPage = await import('../../src/routes/(app)/classes/[classId=id]/students/import/+page.server');
const progress = await import('../../src/routes/(app)/classes/[classId=id]/students/import/progress/+server');
const settings = await import('../../src/routes/(app)/classes/[classId=id]/settings/+page.server');
const poster = await import('../../src/routes/(app)/classes/[classId=id]/poster/+page.server');
const classes = await import('../../src/routes/(app)/classes/+page.server');
const members = await import('../../src/routes/(app)/households/[householdId=id]/members/+page.server');
const children = await import('../../src/routes/(app)/children/+page.server');
const child = await import('../../src/routes/(app)/children/[studentId=id]/+page.server');
const exportCsv = await import('../../src/routes/(app)/children/[studentId=id]/export.csv/+server');
const households = await import('../../src/routes/(app)/households/+page.server');
const schools = await import('../../src/routes/(app)/organiser/schools/+page.server');

async function world() {
	const a = await makeStudentWorld(t.db);
	const b = await makeStudentWorld(t.db); // another school, another household
	return { a, b };
}
const snapshotClass = async (id: number) => ({
	cls: await t.db.select().from(schoolClass).where(eq(schoolClass.id, id)),
	students: await t.db.select().from(classStudent).where(eq(classStudent.classId, id)),
	consent: await t.db.select().from(consentRecord).where(eq(consentRecord.classId, id)),
	teachers: await t.db.select().from(classTeacher).where(eq(classTeacher.classId, id))
});

describe('class guards', () => {
	it('a teacher gets 403 on another school’s class in the URL, for every load and action, and nothing changes', async () => {
		const { a, b } = await world();
		const before = await snapshotClass(b.cls.id);
		const [studentBefore] = await t.db.select().from(user).where(eq(user.id, b.student.id));
		const p = { classId: String(b.cls.id) };
		const teacherA = (form?: Record<string, string>, search?: string) =>
			event(a.teacher, ['teacher'], p, form, search);
		const forbidden = { status: 403 };
		await expect(call(students.load, teacherA())).rejects.toMatchObject(forbidden);
		await expect(call(students.actions.rotate, teacherA({}))).rejects.toMatchObject(forbidden);
		await expect(
			call(students.actions.reset, teacherA({ studentId: String(b.student.id) }))
		).rejects.toMatchObject(forbidden);
		await expect(
			call(students.actions.remove, teacherA({ studentId: String(b.student.id) }))
		).rejects.toMatchObject(forbidden);
		await expect(call(importPage.load, teacherA())).rejects.toMatchObject(forbidden);
		await expect(
			call(importPage.actions.create, teacherA({ names: 'Kẻ Lạ', importKey: 'abcdefgh-1234' }))
		).rejects.toMatchObject(forbidden);
		await expect(
			call(importPage.actions.preview, teacherA({ names: 'Kẻ Lạ', importKey: 'abcdefgh-1234' }))
		).rejects.toMatchObject(forbidden);
		await expect(call(progress.GET, teacherA(undefined, '?key=abcdefgh-1234'))).rejects.toMatchObject(
			forbidden
		);
		await expect(call(settings.load, teacherA())).rejects.toMatchObject(forbidden);
		await expect(
			call(settings.actions.consent, teacherA({ collectedOn: '2026-09-01', note: '' }))
		).rejects.toMatchObject(forbidden);
		await expect(call(settings.actions.archive, teacherA({}))).rejects.toMatchObject(forbidden);
		await expect(call(settings.actions.board, teacherA({ enabled: 'on' }))).rejects.toMatchObject(forbidden);
		await expect(
			call(settings.actions.coteach, teacherA({ userId: String(a.teacher.id) }))
		).rejects.toMatchObject(forbidden);
		await expect(call(poster.load, teacherA())).rejects.toMatchObject(forbidden);
		// A student of the class is not its teacher either.
		await expect(call(students.load, event(b.student, ['student'], p))).rejects.toMatchObject(forbidden);
		expect(await snapshotClass(b.cls.id)).toEqual(before);
		const [studentAfter] = await t.db.select().from(user).where(eq(user.id, b.student.id));
		expect(studentAfter.passwordHash).toBe(studentBefore.passwordHash);
	});

	it('an unknown or malformed class id is a 404', async () => {
		const { a } = await world();
		await expect(
			call(students.load, event(a.teacher, ['teacher'], { classId: '999999' }))
		).rejects.toMatchObject({ status: 404 });
		await expect(
			call(students.load, event(a.teacher, ['teacher'], { classId: '1e3' }))
		).rejects.toMatchObject({ status: 404 });
	});

	it('another class’s student id in a form on your own class is a 404 and changes nothing', async () => {
		const { a, b } = await world();
		const p = { classId: String(a.cls.id) };
		const [before] = await t.db.select().from(user).where(eq(user.id, b.student.id));
		const reset = await call(
			students.actions.reset,
			event(a.teacher, ['teacher'], p, { studentId: String(b.student.id) })
		);
		expect(reset).toMatchObject({ status: 404 });
		const removed = await call(
			students.actions.remove,
			event(a.teacher, ['teacher'], p, { studentId: String(b.student.id) })
		);
		expect(removed).toMatchObject({ status: 404 });
		const [after] = await t.db.select().from(user).where(eq(user.id, b.student.id));
		expect(after.passwordHash).toBe(before.passwordHash);
		expect(await t.db.select().from(classStudent).where(eq(classStudent.userId, b.student.id))).toHaveLength(
			1
		);
	});

	it('a teacher cannot create a class in a school they do not teach at; a student cannot create classes', async () => {
		const { a, b } = await world();
		const res = await call(
			classes.actions.create,
			event(
				a.teacher,
				['teacher'],
				{},
				{ schoolId: String(b.school.id), name: '9Z9', grade: '9', schoolYear: '2026-2027' }
			)
		);
		expect(res).toMatchObject({ status: 403 });
		expect(await t.db.select().from(schoolClass).where(eq(schoolClass.name, '9Z9'))).toHaveLength(0);
		await expect(
			call(
				classes.actions.create,
				event(
					a.student,
					['student'],
					{},
					{ schoolId: String(a.school.id), name: '9Z8', grade: '9', schoolYear: '2026-2027' }
				)
			)
		).rejects.toMatchObject({ status: 403 });
	});
});

describe('household guards', () => {
	it('an adult of another household gets 403 in the URL and for another household’s request in a form', async () => {
		const parentA = await makeUser(t.db, { roles: ['household'] });
		const parentB = await makeUser(t.db, { roles: ['household'] });
		const kid = await makeUser(t.db, { roles: ['student'] });
		const hhA = await makeHousehold(t.db, { adultIds: [parentA.id] });
		const hhB = await makeHousehold(t.db, { adultIds: [parentB.id] });
		await t.db
			.insert(householdMember)
			.values({ householdId: hhB.id, userId: kid.id, kind: 'student', status: 'pending' });
		await t.db.update(household).set({ inviteCode: 'HHBCODE2' }).where(eq(household.id, hhB.id));
		const onB = { householdId: String(hhB.id) };
		await expect(call(members.load, event(parentA, ['household'], onB))).rejects.toMatchObject({
			status: 403
		});
		await expect(
			call(members.actions.approve, event(parentA, ['household'], onB, { userId: String(kid.id) }))
		).rejects.toMatchObject({ status: 403 });
		await expect(call(members.actions.rotate, event(parentA, ['household'], onB, {}))).rejects.toMatchObject({
			status: 403
		});
		await expect(
			call(
				members.actions.approve,
				event(parentA, ['household'], { householdId: String(hhA.id) }, { userId: String(kid.id) })
			)
		).rejects.toMatchObject({ status: 403 });
		// The pending student cannot approve themself.
		await expect(
			call(members.actions.approve, event(kid, ['student'], onB, { userId: String(kid.id) }))
		).rejects.toMatchObject({ status: 403 });
		const [row] = await t.db.select().from(householdMember).where(eq(householdMember.userId, kid.id));
		expect(row).toMatchObject({ householdId: hhB.id, status: 'pending' });
		const [hh] = await t.db.select().from(household).where(eq(household.id, hhB.id));
		expect(hh.inviteCode).toBe('HHBCODE2');
		await expect(
			call(members.load, event(parentA, ['household'], { householdId: '424242' }))
		).rejects.toMatchObject({ status: 404 });
		// A student cannot start a household, and a crafted neighbourhood id is refused.
		expect(
			await call(
				households.actions.create,
				event(
					kid,
					['student'],
					{},
					{ neighbourhoodId: String(hhA.neighbourhoodId), displayName: 'X', kind: 'family' }
				)
			)
		).toMatchObject({ status: 403 });
		const loner = await makeUser(t.db, { roles: ['household'] });
		expect(
			await call(
				households.actions.create,
				event(loner, ['household'], {}, { neighbourhoodId: '777777', displayName: 'Nhà Lạ', kind: 'family' })
			)
		).toMatchObject({ status: 400 });
		expect(
			await t.db.select().from(householdMember).where(eq(householdMember.userId, loner.id))
		).toHaveLength(0);
	});
});

describe('guardian guards', () => {
	it('someone who is not the child’s linked guardian cannot see, export, link or erase them', async () => {
		const { a, b } = await world();
		await t.db.insert(guardianLink).values({ guardianId: a.parent.id, studentId: a.student.id });
		const onB = { studentId: String(b.student.id) };
		await expect(call(child.load, event(a.parent, ['household'], onB))).rejects.toMatchObject({
			status: 403
		});
		await expect(call(exportCsv.GET, event(a.parent, ['household'], onB))).rejects.toMatchObject({
			status: 403
		});
		await expect(
			call(child.actions.erase, event(a.parent, ['household'], onB, { confirm: b.student.nickname }))
		).rejects.toMatchObject({ status: 403 });
		// Being an adult of the child's household is no way in; a made-up parent code links nobody.
		expect(
			await call(children.actions.redeem, event(a.parent, ['household'], {}, { code: 'ABCDEFGHJK' }))
		).toMatchObject({ status: 400 });
		await expect(
			call(child.load, event(a.parent, ['household'], { studentId: '987654' }))
		).rejects.toMatchObject({ status: 404 });
		expect(await t.db.select().from(user).where(eq(user.id, b.student.id))).toHaveLength(1);
		expect(
			await t.db.select().from(guardianLink).where(eq(guardianLink.studentId, b.student.id))
		).toHaveLength(0);

		// The linked guardian can: a wrong confirmation changes nothing, the right one erases.
		const onA = { studentId: String(a.student.id) };
		const csv = (await call(exportCsv.GET, event(a.parent, ['household'], onA))) as Response;
		expect(await csv.text()).toContain(a.student.displayName);
		expect(
			await call(child.actions.erase, event(a.parent, ['household'], onA, { confirm: 'nope' }))
		).toMatchObject({ status: 400 });
		expect(await t.db.select().from(user).where(eq(user.id, a.student.id))).toHaveLength(1);
		await expect(
			call(child.actions.erase, event(a.parent, ['household'], onA, { confirm: a.student.nickname }))
		).rejects.toMatchObject({ status: 303, location: '/children' });
		expect(await t.db.select().from(user).where(eq(user.id, a.student.id))).toHaveLength(0);
	});
});

describe('organiser guards', () => {
	it('only organisers manage schools', async () => {
		const teacher = await makeUser(t.db, { roles: ['teacher'] });
		const sch = await makeSchool(t.db);
		await expect(call(schools.load, event(teacher, ['teacher'], {}))).rejects.toMatchObject({ status: 403 });
		await expect(
			call(schools.actions.invite, event(teacher, ['teacher'], {}, { schoolId: String(sch.id) }))
		).rejects.toMatchObject({ status: 403 });
		const organiser = await makeUser(t.db, { roles: ['organiser'] });
		expect(
			await call(schools.actions.invite, event(organiser, ['organiser'], {}, { schoolId: '999999' }))
		).toMatchObject({ status: 404 });
		const made = (await call(
			schools.actions.invite,
			event(organiser, ['organiser'], {}, { schoolId: String(sch.id) })
		)) as { invite: { code: string } };
		expect(made.invite.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
	});
});
