import { describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeClass, makeStudentWorld, makeUser } from '../../../../tests/helpers/factories';
import { routeEvent, run, sessionUser } from '../../../../tests/helpers/route-event';
import { classStudent, guardianLink, parentCode } from '$lib/server/db/schema';
import { LIMITS } from '$lib/server/auth/rate-limit';
import {
	issueMissingParentCodes,
	issueParentCode,
	parentLetters,
	PARENT_CODE_DAYS,
	redeemParentCode
} from './parent-codes';
import { classGuardians, linkGuardianByTeacher, listChildren, unlinkGuardian } from './guardians';

const t = await createTestDb();
vi.mock('$lib/server/db', () => ({ getDb: async () => t.db }));
const childrenPage = await import('../../../routes/(app)/children/+page.server');

const linksOf = (studentId: number) =>
	t.db.select().from(guardianLink).where(eq(guardianLink.studentId, studentId));

async function letterFor(w: Awaited<ReturnType<typeof makeStudentWorld>>, now = new Date()) {
	const issued = await issueParentCode(
		t.db,
		{ classId: w.cls.id, studentId: w.student.id, teacherId: w.teacher.id },
		now
	);
	if (!issued) throw new Error('no letter');
	return issued.code;
}

describe('parent codes', () => {
	it('link the adult who types one, once; the same adult again changes nothing', async () => {
		const w = await makeStudentWorld(t.db);
		const code = await letterFor(w);
		expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
		const parent = await makeUser(t.db, { roles: ['household'] });
		expect(
			await redeemParentCode(t.db, parent.id, ` ${code.toLowerCase().slice(0, 5)}-${code.slice(5)} `)
		).toMatchObject({
			ok: true,
			studentId: w.student.id,
			already: false
		});
		expect(await redeemParentCode(t.db, parent.id, code)).toMatchObject({ ok: true, already: true });
		expect(await linksOf(w.student.id)).toEqual([
			expect.objectContaining({ guardianId: parent.id, via: 'code' })
		]);
		expect(await listChildren(t.db, parent.id)).toEqual([expect.objectContaining({ id: w.student.id })]);
	});

	it('refuse a used, replaced, expired, made-up or left-the-class code, and a student, linking nobody', async () => {
		const w = await makeStudentWorld(t.db);
		const first = await makeUser(t.db, { roles: ['household'] });
		const second = await makeUser(t.db, { roles: ['household'] });
		const used = await letterFor(w);
		await redeemParentCode(t.db, first.id, used);
		expect(await redeemParentCode(t.db, second.id, used)).toEqual({
			ok: false,
			error: 'trust.parentCode.used'
		});

		const old = await letterFor(w);
		const fresh = await letterFor(w); // reissued: the old one is replaced
		expect(fresh).not.toBe(old);
		expect(await redeemParentCode(t.db, second.id, old)).toEqual({
			ok: false,
			error: 'trust.parentCode.replaced'
		});

		const later = new Date(Date.now() + (PARENT_CODE_DAYS + 1) * 86_400_000);
		expect(await redeemParentCode(t.db, second.id, fresh, later)).toEqual({
			ok: false,
			error: 'trust.parentCode.expired'
		});
		for (const made of ['ABCDEFGHJK', 'NOPE', 'x'.repeat(200)])
			expect(await redeemParentCode(t.db, second.id, made)).toEqual({
				ok: false,
				error: 'trust.parentCode.bad'
			});
		const kid = await makeUser(t.db, { roles: ['student'] });
		expect(await redeemParentCode(t.db, kid.id, fresh)).toEqual({
			ok: false,
			error: 'trust.grant.studentAccount'
		});
		// The child moves to another class: their old letter no longer works.
		const other = await makeClass(t.db);
		await t.db.update(classStudent).set({ classId: other.id }).where(eq(classStudent.userId, w.student.id));
		expect(await redeemParentCode(t.db, second.id, fresh)).toEqual({
			ok: false,
			error: 'trust.parentCode.replaced'
		});
		expect((await linksOf(w.student.id)).map((l) => l.guardianId)).toEqual([first.id]);
	});

	it('are issued by the child’s class teacher only, one open letter per child', async () => {
		const a = await makeStudentWorld(t.db);
		const b = await makeStudentWorld(t.db);
		expect(
			await issueParentCode(t.db, { classId: a.cls.id, studentId: a.student.id, teacherId: b.teacher.id })
		).toBeNull();
		expect(
			await issueParentCode(t.db, { classId: a.cls.id, studentId: b.student.id, teacherId: a.teacher.id })
		).toBeNull();
		expect(await issueMissingParentCodes(t.db, a.cls.id, a.teacher.id)).toBe(1);
		expect(await issueMissingParentCodes(t.db, a.cls.id, a.teacher.id)).toBe(0);
		const letters = await parentLetters(t.db, a.cls.id);
		expect(letters).toHaveLength(1);
		expect(letters[0]).toMatchObject({ studentId: a.student.id, displayName: a.student.displayName });
		const open = await t.db
			.select()
			.from(parentCode)
			.where(and(eq(parentCode.studentId, a.student.id)));
		expect(open).toHaveLength(1);
	});

	it('use the same throttle as other codes: one adult’s wrong codes lock that adult, not the school’s address', async () => {
		const w = await makeStudentWorld(t.db);
		const code = await letterFor(w);
		const parent = await makeUser(t.db, { roles: ['household'] });
		const user = await sessionUser(t.db, parent.id);
		const ip = '198.51.100.77';
		for (let i = 0; i < LIMITS.codeSubject.max; i++) {
			const res = await run(
				childrenPage.actions.redeem,
				routeEvent({ user, ip, form: { code: `WRONG${i % 10}CODE`.slice(0, 10) } })
			);
			expect(res.outcome).toBe(400);
		}
		// Locked now, even for the right code and from another address; nothing is linked.
		for (const from of [ip, '198.51.100.78']) {
			const locked = await run(childrenPage.actions.redeem, routeEvent({ user, ip: from, form: { code } }));
			expect(locked.outcome).toBe(429);
		}
		expect(await linksOf(w.student.id)).toEqual([]);
		// A classmate's parent at the same address still links with their letter.
		const other = await makeStudentWorld(t.db);
		const otherCode = await letterFor(other);
		const otherParent = await sessionUser(t.db, (await makeUser(t.db, { roles: ['household'] })).id);
		const ok = await run(
			childrenPage.actions.redeem,
			routeEvent({ user: otherParent, ip, form: { code: otherCode } })
		);
		expect(ok).toMatchObject({ outcome: 'ok', location: `/children/${other.student.id}` });
	});
});

describe('the teacher’s own links', () => {
	it('link an adult they know to a child of their class, show who is linked, and remove a link', async () => {
		const a = await makeStudentWorld(t.db);
		const b = await makeStudentWorld(t.db);
		expect(
			await linkGuardianByTeacher(t.db, a.teacher.id, a.student.id, a.parent.username.toUpperCase())
		).toEqual({
			ok: true,
			already: false
		});
		expect(await linkGuardianByTeacher(t.db, a.teacher.id, a.student.id, b.student.username)).toEqual({
			ok: false,
			error: 'trust.grant.studentAccount'
		});
		expect(await linkGuardianByTeacher(t.db, a.teacher.id, a.student.id, 'nobody-at-all')).toEqual({
			ok: false,
			error: 'trust.guardians.unknownAdult'
		});
		expect(await linkGuardianByTeacher(t.db, b.teacher.id, a.student.id, b.parent.username)).toEqual({
			ok: false,
			error: 'trust.guardians.notYourStudent'
		});
		const [row] = await classGuardians(t.db, a.cls.id);
		expect(row.guardians).toEqual([expect.objectContaining({ guardianId: a.parent.id, via: 'teacher' })]);
		expect(await unlinkGuardian(t.db, b.teacher.id, a.student.id, a.parent.id)).toBe(false);
		expect(await unlinkGuardian(t.db, a.teacher.id, a.student.id, a.parent.id)).toBe(true);
		expect(await linksOf(a.student.id)).toEqual([]);
	});
});
