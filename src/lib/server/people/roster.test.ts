import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeClass, makeUser } from '../../../../tests/helpers/factories';
import { classStudent, rosterImport, user, userRole } from '$lib/server/db/schema';
import { verifyPassword } from '$lib/server/auth/password';
import { cleanRoster, importRoster, rosterProgress } from './roster';
import { USERNAME_NOUNS, USERNAME_WORDS } from './usernames';

const t = await createTestDb();

describe('cleanRoster', () => {
	it('skips blank and duplicate lines, strips numbering and emoji, each with its line and reason', () => {
		const r = cleanRoster(
			['Nguyễn Văn An', '', '   ', '2. Trần Thị Bình', 'nguyễn  văn an', 'Lê Chi 🌿', '\u200bPhạm Dũng'].join(
				'\n'
			)
		);
		expect(r.names.map((n) => n.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Chi', 'Phạm Dũng']);
		expect(r.refused).toEqual([]);
		expect(r.cleaned).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ line: 3, reason: 'structure.roster.blank' }),
				expect.objectContaining({ line: 4, reason: 'structure.roster.stripped' }),
				expect.objectContaining({ line: 5, reason: 'structure.roster.duplicate', params: { first: 1 } }),
				expect.objectContaining({ line: 6, reason: 'structure.roster.stripped', params: { name: 'Lê Chi' } })
			])
		);
		expect(r.names.find((n) => n.name === 'Trần Thị Bình')?.line).toBe(4);
	});

	it('refuses over-long and emoji-only lines with the line number', () => {
		const r = cleanRoster(['An', 'x'.repeat(61), '🌿🌿', '12345', 'Bình'].join('\n'));
		expect(r.names.map((n) => n.name)).toEqual(['An', 'Bình']);
		expect(r.refused).toEqual([
			expect.objectContaining({ line: 2, reason: 'structure.roster.tooLong' }),
			expect.objectContaining({ line: 3, reason: 'structure.roster.noLetters' }),
			expect.objectContaining({ line: 4, reason: 'structure.roster.noLetters' })
		]);
	});

	it('flags names already in the class and more than 60 names', () => {
		expect(cleanRoster('An\nBình', ['an']).cleaned).toEqual([
			expect.objectContaining({ line: 1, reason: 'structure.roster.alreadyInClass' })
		]);
		const sixty = Array.from({ length: 60 }, (_, i) => `Học sinh ${i}`).join('\n');
		expect(cleanRoster(sixty).tooMany).toBeNull();
		expect(cleanRoster(`${sixty}\nMột người nữa`).tooMany).toBe(61);
	});
});

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
