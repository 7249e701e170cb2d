import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../tests/helpers/db';
import { createDb, migrateDb } from './client';

/**
 * A database from before the trust model (issue 10) migrates without losing anything: legacy
 * guardian links are kept (marked so teachers can review them), every household and student gets
 * a drop-off card, a point serves its own neighbourhood, and adult roles and relations that the
 * old forms gave student accounts are taken back.
 */
const dir = mkdtempSync(join(tmpdir(), 'songxanh-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as it was before the trust model's first migration. */
function migrationsBeforeTrust(): string {
	const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
	const at = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith('_trust_model'));
	expect(at).toBeGreaterThan(0);
	const out = join(dir, 'before');
	mkdirSync(join(out, 'meta'), { recursive: true });
	const kept = journal.entries.slice(0, at);
	for (const e of kept) copyFileSync(join(MIGRATIONS, `${e.tag}.sql`), join(out, `${e.tag}.sql`));
	writeFileSync(join(out, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
	return out;
}

describe('migrating an existing database to the trust model', () => {
	it('keeps every row, marks old guardian links and repairs what students were wrongly given', async () => {
		const handle = await createDb({ url: `file:${join(dir, 'old.db')}` });
		await migrateDb(handle.db, migrationsBeforeTrust());
		const sql = (s: string) => handle.client.execute(s);
		await handle.client.batch(
			[
				`insert into area (id, name_vi, name_en, kind) values (1, 'Phường', 'Ward', 'ward')`,
				`insert into school (id, name, area_id) values (1, 'Trường', 1)`,
				`insert into class (id, school_id, name, grade, school_year) values (1, 1, '6A1', 6, '2025-2026')`,
				`insert into neighbourhood (id, name, area_id, kind) values (1, 'Tổ 1', 1, 'residential')`,
				`insert into household (id, neighbourhood_id, display_name, kind, invite_code) values (1, 1, 'Nhà Cũ', 'family', 'OLDHH2'), (2, 1, 'Nhà Hai', 'family', 'OLDHH3')`,
				`insert into user (id, username, display_name, nickname, password_hash) values
					(1, 'bo', 'Bố', 'Bố', 'x'), (2, 'em', 'Em Thật', 'Em', 'x'), (3, 'gv', 'Cô', 'Cô', 'x')`,
				`insert into user_role (user_id, role) values (1, 'household'), (2, 'student'), (2, 'steward'), (2, 'household'), (3, 'teacher')`,
				`insert into class_student (class_id, user_id) values (1, 2)`,
				`insert into class_teacher (class_id, user_id) values (1, 3)`,
				`insert into household_member (household_id, user_id, kind, status) values (1, 1, 'adult', 'active'), (2, 2, 'adult', 'active')`,
				`insert into neighbourhood_steward (neighbourhood_id, user_id) values (1, 2)`,
				`insert into guardian_link (guardian_id, student_id) values (1, 2)`,
				`insert into collection_point (id, name, kind, area_id, neighbourhood_id) values (1, 'Chùa', 'pagoda', 1, 1), (2, 'Trường', 'school', 1, null)`,
				`insert into collection_point_steward (point_id, user_id) values (1, 2)`
			],
			'write'
		);
		const counts = async () =>
			Object.fromEntries(
				await Promise.all(
					[
						'user',
						'household',
						'class_student',
						'class_teacher',
						'guardian_link',
						'collection_point',
						'household_member'
					].map(async (table) => [table, Number((await sql(`select count(*) as n from ${table}`)).rows[0].n)])
				)
			);
		const before = await counts();

		await migrateDb(handle.db, MIGRATIONS);

		expect(await counts()).toEqual(before);
		expect((await sql('select guardian_id, student_id, via from guardian_link')).rows).toEqual([
			expect.objectContaining({ guardian_id: 1, student_id: 2, via: 'legacy' })
		]);
		// The student keeps their class, household and points, but no adult role or relation.
		expect((await sql('select role from user_role where user_id = 2')).rows.map((r) => r.role)).toEqual([
			'student'
		]);
		expect(
			(await sql('select count(*) as n from collection_point_steward where user_id = 2')).rows[0].n
		).toBe(0);
		expect((await sql('select count(*) as n from neighbourhood_steward where user_id = 2')).rows[0].n).toBe(
			0
		);
		expect((await sql('select kind, status from household_member where user_id = 2')).rows).toEqual([
			expect.objectContaining({ kind: 'student', status: 'active' })
		]);
		expect((await sql('select role from user_role where user_id = 3')).rows.map((r) => r.role)).toEqual([
			'teacher'
		]);
		// Cards: one per household and per student, ten digits, none shared.
		const cards = (await sql('select code, household_id, user_id from drop_off_card')).rows;
		expect(cards.map((c) => [c.household_id, c.user_id]).sort()).toEqual(
			[
				[1, null],
				[2, null],
				[null, 2]
			].sort()
		);
		for (const c of cards) expect(String(c.code)).toMatch(/^[1-9]\d{9}$/);
		expect((await sql('select point_id, neighbourhood_id from collection_point_neighbourhood')).rows).toEqual(
			[expect.objectContaining({ point_id: 1, neighbourhood_id: 1 })]
		);
		handle.close();
	});
});
