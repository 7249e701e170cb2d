import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { cardOf } from '$lib/server/people/cards';
import { createTestDb } from '../../../../tests/helpers/db';
import { freshKey } from '../../../../tests/helpers/random';
import { makeClass, makeSchool, makeUser } from '../../../../tests/helpers/factories';
import {
	classStudent,
	classTeacher,
	consentRecord,
	passwordResetLog,
	schoolClass,
	user
} from '$lib/server/db/schema';
import { verifyPassword } from '$lib/server/auth/password';
import {
	addCoTeacher,
	archiveClass,
	createClass,
	listConsent,
	recordConsent,
	removeStudent,
	rotateJoinCode
} from './classes';
import { BAD_CLASS_CODE, joinClassByCode, resetStudentPassword } from '$lib/server/people/students';

const t = await createTestDb();
const join = (code: string, nickname: string, displayName = 'Nguyễn Văn An') =>
	joinClassByCode(
		t.db,
		{
			code,
			nickname,
			displayName,
			password: 'mat-khau-dai',
			confirm: 'mat-khau-dai',
			idempotencyKey: freshKey()
		},
		'vi',
		{ deviceHash: 'test-device' }
	);

describe('classes and join codes', () => {
	it('a teacher creates a class in their own school only, with a join code', async () => {
		const teacher = await makeUser(t.db, { roles: ['teacher'] });
		const mine = await makeSchool(t.db, { teacherIds: [teacher.id] });
		const other = await makeSchool(t.db);
		const input = { schoolId: mine.id, name: '6A1', grade: 6, schoolYear: '2026-2027' };
		const ok = await createClass(t.db, teacher.id, input);
		if (!ok.ok) throw new Error(ok.error);
		const [cls] = await t.db.select().from(schoolClass).where(eq(schoolClass.id, ok.classId));
		expect(cls.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
		expect(await createClass(t.db, teacher.id, { ...input, name: '6a1' })).toMatchObject({
			ok: false,
			error: 'structure.class.nameTaken'
		});
		expect(await createClass(t.db, teacher.id, { ...input, schoolId: other.id })).toMatchObject({
			ok: false,
			error: 'structure.class.notYourSchool'
		});
		expect(await t.db.select().from(schoolClass).where(eq(schoolClass.schoolId, other.id))).toHaveLength(0);
	});

	it('a student joins by code; a rotated, wrong or archived code says the same and makes nothing', async () => {
		const cls = await makeClass(t.db, { joinCode: 'XANH7C' });
		const res = await join(' xanh-7c ', 'Lá Xanh');
		if (!res.ok) throw new Error(res.error);
		// Generated from a word list, never from what the child typed.
		expect(res.username).toMatch(/^[a-z]+\d{3,5}$/);
		expect(await cardOf(t.db, { userId: res.userId })).toMatch(/^[1-9]\d{9}$/);
		const [u] = await t.db.select().from(user).where(eq(user.id, res.userId));
		expect(u.email).toBeNull();
		expect(await verifyPassword(u.passwordHash, 'mat-khau-dai')).toBe(true);

		expect(await join('XANH7C', 'lá  xanh')).toEqual({
			ok: false,
			field: 'nickname',
			error: 'structure.nickname.takenInClass'
		});

		const fresh = await rotateJoinCode(t.db, cls.id);
		expect(fresh).not.toBe('XANH7C');
		const before = await t.db.select().from(classStudent).where(eq(classStudent.classId, cls.id));
		expect(await join('XANH7C', 'Cây Bàng')).toEqual({ ok: false, field: 'code', error: BAD_CLASS_CODE });
		expect(await join('ZZZZZZ', 'Cây Bàng')).toEqual({ ok: false, field: 'code', error: BAD_CLASS_CODE });
		expect(await join('0000', 'Cây Bàng')).toEqual({ ok: false, field: 'code', error: BAD_CLASS_CODE });
		await archiveClass(t.db, cls.id);
		expect(await join(fresh, 'Cây Bàng')).toEqual({ ok: false, field: 'code', error: BAD_CLASS_CODE });
		expect(await t.db.select().from(classStudent).where(eq(classStudent.classId, cls.id))).toEqual(before);
	});

	it('co-teachers must teach at the same school', async () => {
		const a = await makeUser(t.db, { roles: ['teacher'] });
		const b = await makeUser(t.db, { roles: ['teacher'] });
		const stranger = await makeUser(t.db, { roles: ['teacher'] });
		const sch = await makeSchool(t.db, { teacherIds: [a.id, b.id] });
		await makeSchool(t.db, { teacherIds: [stranger.id] });
		const cls = await makeClass(t.db, { schoolId: sch.id, teacherIds: [a.id] });
		expect(await addCoTeacher(t.db, cls.id, b.id)).toEqual({ ok: true });
		expect(await addCoTeacher(t.db, cls.id, stranger.id)).toEqual({
			ok: false,
			error: 'structure.coteach.notColleague'
		});
		const teachers = await t.db.select().from(classTeacher).where(eq(classTeacher.classId, cls.id));
		expect(teachers.map((r) => r.userId).sort()).toEqual([a.id, b.id].sort());
	});
});

describe('students of a class', () => {
	it('consent is recorded with date and who; a future date is refused', async () => {
		const teacher = await makeUser(t.db, { roles: ['teacher'], nickname: 'Cô Hoa' });
		const cls = await makeClass(t.db, { teacherIds: [teacher.id] });
		expect(
			await recordConsent(t.db, cls.id, teacher.id, { collectedOn: '2026-12-01', note: '' }, '2026-11-28')
		).toMatchObject({ ok: false, error: 'structure.consent.future' });
		expect(await t.db.select().from(consentRecord).where(eq(consentRecord.classId, cls.id))).toHaveLength(0);
		expect(
			await recordConsent(
				t.db,
				cls.id,
				teacher.id,
				{ collectedOn: '2026-09-05', note: 'Họp phụ huynh' },
				'2026-11-28'
			)
		).toEqual({ ok: true });
		expect(await listConsent(t.db, cls.id)).toEqual([
			expect.objectContaining({ collectedOn: '2026-09-05', note: 'Họp phụ huynh', recordedBy: 'Cô Hoa' })
		]);
	});

	it('a password reset is logged and only works on the teacher’s own class', async () => {
		const teacher = await makeUser(t.db, { roles: ['teacher'] });
		const student = await makeUser(t.db, { roles: ['student'] });
		const elsewhere = await makeUser(t.db, { roles: ['student'] });
		const cls = await makeClass(t.db, { teacherIds: [teacher.id], studentIds: [student.id] });
		await makeClass(t.db, { studentIds: [elsewhere.id] });
		const res = await resetStudentPassword(t.db, cls.id, student.id, teacher.id, 'reset-key-0001');
		expect(res?.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
		const [u] = await t.db.select().from(user).where(eq(user.id, student.id));
		expect(await verifyPassword(u.passwordHash, res!.password)).toBe(true);
		// The same form again (a double tap, issue 12): same password shown, nothing reset twice.
		const again = await resetStudentPassword(t.db, cls.id, student.id, teacher.id, 'reset-key-0001');
		expect(again?.password).toBe(res!.password);
		const [still] = await t.db.select().from(user).where(eq(user.id, student.id));
		expect(still.passwordHash).toBe(u.passwordHash);
		expect(
			await t.db.select().from(passwordResetLog).where(eq(passwordResetLog.studentId, student.id))
		).toEqual([expect.objectContaining({ classId: cls.id, resetBy: teacher.id })]);
		// A new form (a new key) is a new reset.
		const next = await resetStudentPassword(t.db, cls.id, student.id, teacher.id, 'reset-key-0002');
		expect(next?.password).not.toBe(res!.password);
		expect(
			await t.db.select().from(passwordResetLog).where(eq(passwordResetLog.studentId, student.id))
		).toHaveLength(2);

		const [before] = await t.db.select().from(user).where(eq(user.id, elsewhere.id));
		expect(await resetStudentPassword(t.db, cls.id, elsewhere.id, teacher.id, 'reset-key-0003')).toBeNull();
		expect(await removeStudent(t.db, cls.id, elsewhere.id)).toBe(false);
		const [after] = await t.db.select().from(user).where(eq(user.id, elsewhere.id));
		expect(after.passwordHash).toBe(before.passwordHash);
		expect(await t.db.select().from(classStudent).where(eq(classStudent.userId, elsewhere.id))).toHaveLength(
			1
		);

		expect(await removeStudent(t.db, cls.id, student.id)).toBe(true);
		expect(
			await t.db
				.select()
				.from(classStudent)
				.where(and(eq(classStudent.userId, student.id)))
		).toHaveLength(0);
	});
});
