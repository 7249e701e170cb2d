import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeClass, makeStudentWorld, makeUser } from '../../../../tests/helpers/factories';
import {
	checkGuardianGrant,
	checkHouseholdAdultGrant,
	checkStewardGrant,
	checkTeacherGrant,
	isStudentAccount,
	mayManageGuardians,
	studentAccountIds
} from './grants';
import { publicCredit, sharedCredit } from './visibility';
import { cardNumberFrom, formatCardNumber } from '$lib/server/people/cards';

const t = await createTestDb();
const refused = { ok: false, error: 'trust.grant.studentAccount' };

describe('grant rules', () => {
	it('never give a student account an adult role, whether it holds the student role or only a seat in a class', async () => {
		const w = await makeStudentWorld(t.db);
		const seated = await makeUser(t.db); // no role, but sits in a class (an account repaired by hand)
		await makeClass(t.db, { studentIds: [seated.id] });
		for (const kid of [w.student.id, seated.id]) {
			expect(await isStudentAccount(t.db, kid)).toBe(true);
			for (const check of [checkTeacherGrant, checkStewardGrant, checkHouseholdAdultGrant])
				expect(await check(t.db, kid)).toEqual(refused);
			expect(await checkGuardianGrant(t.db, kid, w.student.id)).toEqual(
				kid === w.student.id ? { ok: false, error: 'trust.grant.self' } : refused
			);
		}
		for (const check of [checkTeacherGrant, checkStewardGrant, checkHouseholdAdultGrant])
			expect(await check(t.db, w.parent.id)).toEqual({ ok: true });
		expect(await checkGuardianGrant(t.db, w.parent.id, w.student.id)).toEqual({ ok: true });
		expect(await checkGuardianGrant(t.db, w.parent.id, w.teacher.id)).toEqual({
			ok: false,
			error: 'trust.grant.notStudent'
		});
		expect(await studentAccountIds(t.db, [w.student.id, seated.id, w.parent.id, null])).toEqual(
			new Set([w.student.id, seated.id])
		);
	});

	it('let only the child’s class teacher manage their guardians', async () => {
		const a = await makeStudentWorld(t.db);
		const b = await makeStudentWorld(t.db);
		expect(await mayManageGuardians(t.db, a.teacher.id, a.student.id)).toBe(true);
		expect(await mayManageGuardians(t.db, b.teacher.id, a.student.id)).toBe(false);
		expect(await mayManageGuardians(t.db, a.parent.id, a.student.id)).toBe(false);
	});
});

describe('what shared and public pages may show', () => {
	const both = { studentNickname: 'Sen', className: '6A1', householdName: 'Nhà Xanh' };
	it('public: a class or else a household, never a child; shared: a nickname with a class, or a household', () => {
		expect(publicCredit(both)).toEqual({ groupName: '6A1' });
		expect(publicCredit({ ...both, className: null })).toEqual({ groupName: 'Nhà Xanh' });
		expect(sharedCredit(both)).toEqual({ studentNickname: 'Sen', className: '6A1', householdName: null });
		expect(sharedCredit({ ...both, studentNickname: null })).toEqual({
			studentNickname: null,
			className: null,
			householdName: 'Nhà Xanh'
		});
	});

	it('reads drop-off card numbers as typed or scanned, and nothing else', () => {
		expect(cardNumberFrom('1234 5678-90')).toBe('1234567890');
		expect(formatCardNumber('1234567890')).toBe('1234 5678 90');
		for (const bad of ['0123456789', '123456789', 'NHAX2M', '12345678901', ''])
			expect(cardNumberFrom(bad)).toBeNull();
	});
});
