import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeClass, makeUser } from '../../../../tests/helpers/factories';
import { classStudent, rosterImport, user, userRole } from '$lib/server/db/schema';
import { verifyPassword } from '$lib/server/auth/password';
import { importRoster, rosterProgress } from './roster';
import { USERNAME_NOUNS, USERNAME_WORDS } from './usernames';

const t = await createTestDb();

describe('importRoster', () => {
	it('makes one student per name with working generated passwords, once per key', async () => {
		const teacher = await makeUser(t.db, { roles: ['teacher'] });
		const cls = await makeClass(t.db, { teacherIds: [teacher.id] });
		const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Chi', 'Phạm Dũng', 'Võ Giang'];
		const res = await importRoster(t.db, {
			classId: cls.id,
			teacherId: teacher.id,
			importKey: 'key-aaaa-1',
			names,
			locale: 'vi'
		});
		if (!res.ok) throw new Error(res.error);
		expect(res.cards).toHaveLength(5);
		const members = await t.db.select().from(classStudent).where(eq(classStudent.classId, cls.id));
		expect(members).toHaveLength(5);
		const card = res.cards[0];
		// Two words from a child-friendly list and digits: nothing from the child's name.
		const shape = new RegExp(`^(${USERNAME_NOUNS.join('|')})(${USERNAME_WORDS.join('|')})\\d{3,5}$`);
		for (const c of res.cards) expect(c.username).toMatch(shape);
		expect(new Set(res.cards.map((c) => c.username)).size).toBe(5);
		expect(res.cards.every((c) => /^[1-9]\d{9}$/.test(c.dropOffCard))).toBe(true);
		expect(card.nickname).not.toContain('An');
		const [row] = await t.db.select().from(user).where(eq(user.id, card.userId));
		expect(row.email).toBeNull();
		expect(row.displayName).toBe('Nguyễn Văn An');
		expect(await verifyPassword(row.passwordHash, card.password)).toBe(true);
		expect(await t.db.select().from(userRole).where(eq(userRole.userId, card.userId))).toEqual([
			expect.objectContaining({ role: 'student' })
		]);
		expect(new Set(res.cards.map((c) => c.nickname)).size).toBe(5);
		expect(await rosterProgress(t.db, teacher.id, cls.id, 'key-aaaa-1')).toEqual({
			done: 5,
			total: 5,
			status: 'finished'
		});

		const again = await importRoster(t.db, {
			classId: cls.id,
			teacherId: teacher.id,
			importKey: 'key-aaaa-1',
			names,
			locale: 'vi'
		});
		expect(again).toEqual({ ok: false, error: 'structure.roster.alreadyImported' });
		expect(await t.db.select().from(classStudent).where(eq(classStudent.classId, cls.id))).toHaveLength(5);
		expect(await t.db.select().from(rosterImport)).toHaveLength(1);
	});

	it('refuses an archived class and makes nothing', async () => {
		const teacher = await makeUser(t.db, { roles: ['teacher'] });
		const cls = await makeClass(t.db, { teacherIds: [teacher.id] });
		const { schoolClass } = await import('$lib/server/db/schema');
		await t.db.update(schoolClass).set({ archivedAt: new Date() }).where(eq(schoolClass.id, cls.id));
		const res = await importRoster(t.db, {
			classId: cls.id,
			teacherId: teacher.id,
			importKey: 'key-bbbb-1',
			names: ['An'],
			locale: 'vi'
		});
		expect(res).toEqual({ ok: false, error: 'structure.class.archived' });
		expect(await t.db.select().from(classStudent).where(eq(classStudent.classId, cls.id))).toHaveLength(0);
	});
});
