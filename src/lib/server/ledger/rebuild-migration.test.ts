import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, MIGRATIONS } from '../../../../tests/helpers/db';
import {
	makeArea,
	makeClass,
	makeHousehold,
	makeNeighbourhood,
	makeSchool,
	makeUser
} from '../../../../tests/helpers/factories';
import { expectBoardsShowScorers, expectRollupsEqualLedger } from '../../../../tests/helpers/ledger-recount';
import { createDb, migrateDb } from '$lib/server/db/client';
import { challenge, classStudent } from '$lib/server/db/schema';
import { windowPeriod } from '$lib/server/boards/leaderboards';
import { sourceFor } from '$lib/server/boards/board-access';
import { rankBoard } from '$lib/server/boards/leaderboards';
import { appendEntry, voidEntry } from './ledger';

const REBUILD = '0004_rebuild_rollups.sql';
const statements = (file: string) =>
	readFileSync(join(MIGRATIONS, file), 'utf8')
		.split('--> statement-breakpoint')
		.map((s) => s.trim())
		.filter(Boolean);

describe('the rollup rebuild migration', () => {
	it('rebuilds broken rollups to exactly what the ledger writes as it goes', async () => {
		const t = await createTestDb();
		const root = await makeArea(t.db);
		const ward = await makeArea(t.db, { parentId: root.id });
		const students = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db)];
		const cls = await makeClass(t.db, {
			schoolId: (await makeSchool(t.db, { areaId: ward.id })).id,
			studentIds: students.map((s) => s.id)
		});
		const hh = await makeHousehold(t.db, {
			neighbourhoodId: (await makeNeighbourhood(t.db, { areaId: ward.id })).id,
			studentIds: [students[0].id]
		});
		const [ch] = await t.db
			.insert(challenge)
			.values({ title: 'T', scope: 'class', startDay: '2026-11-01', endDay: '2026-11-30' })
			.returning();
		const ids: number[] = [];
		for (const [i, s] of students.entries())
			for (const day of ['2026-11-23', '2026-11-24', '2026-11-30'])
				ids.push(
					(
						await t.db.transaction((tx) =>
							appendEntry(tx, {
								localDay: day,
								points: 3 + i,
								sourceKind: i === 0 && day === '2026-11-23' ? 'checkin' : 'action',
								actorId: s.id,
								personId: s.id,
								classId: i === 0 && day === '2026-11-23' ? null : cls.id,
								householdId: i === 0 ? hh.id : null,
								credits: day === '2026-11-24' ? [{ challengeId: ch.id, points: 10 }] : []
							})
						)
					).id
				);
		await t.db.transaction((tx) => voidEntry(tx, { entryId: ids[4], actorId: students[0].id, reason: 'x' }));
		// Break them the ways the old code did (and worse).
		await t.db.run(sql`UPDATE rollup SET parent_id = 0 WHERE scope_kind = 'person'`);
		await t.db.run(sql`UPDATE rollup SET active_members = active_members + 7, per_member = 99`);
		await t.db.run(sql`DELETE FROM rollup_area WHERE area_id = ${root.id}`);
		await t.db.run(sql`DELETE FROM rollup_member`);
		await t.db.run(
			sql`INSERT INTO rollup (scope_kind, scope_id, period_kind, period_key, points) VALUES ('class', 999, 'all', 'all', 5)`
		);

		for (const s of statements(REBUILD)) await t.client.execute(s);
		expect(await expectRollupsEqualLedger(t.db)).toBeGreaterThan(30);
		await expectBoardsShowScorers(t.db, [
			windowPeriod('week', '2026-11-26'),
			windowPeriod('all', '2026-11-30'),
			windowPeriod('challenge', '2026-11-30', ch)
		]);
	});

	it('repairs a database made before issue 11: its student is back on her class board and its challenge points stay', async () => {
		// A database at the first migration, with rows as the old code wrote them.
		const dir = mkdtempSync(join(tmpdir(), 'songxanh-old-'));
		afterAll(() => rmSync(dir, { recursive: true, force: true }));
		const first = join(dir, 'drizzle');
		mkdirSync(join(first, 'meta'), { recursive: true });
		const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
		copyFileSync(
			join(MIGRATIONS, `${journal.entries[0].tag}.sql`),
			join(first, `${journal.entries[0].tag}.sql`)
		);
		writeFileSync(
			join(first, 'meta/_journal.json'),
			JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) })
		);
		const handle = await createDb({ url: `file:${join(dir, 'old.db')}` });
		afterAll(() => handle.close());
		const { db, client } = handle;
		await migrateDb(db, first);
		const run = (q: string) => client.execute(q);
		await run(
			`INSERT INTO user (id, username, display_name, nickname, password_hash) VALUES (1, 'hoa', 'Hoa', 'Hoa', 'x'), (2, 'nam', 'Nam', 'Nam', 'x')`
		);
		await run(`INSERT INTO area (id, name_vi, name_en, kind) VALUES (1, 'Xã', 'Commune', 'ward')`);
		await run(`INSERT INTO school (id, name, area_id) VALUES (1, 'THCS', 1)`);
		await run(
			`INSERT INTO class (id, school_id, name, grade, school_year) VALUES (1, 1, '6A1', 6, '2026-2027')`
		);
		await run(`INSERT INTO class_student (class_id, user_id) VALUES (1, 1), (1, 2)`);
		await run(`INSERT INTO neighbourhood (id, name, area_id, kind) VALUES (1, 'Tổ 3', 1, 'residential')`);
		await run(
			`INSERT INTO household (id, neighbourhood_id, display_name, kind) VALUES (1, 1, 'Nhà Hoa', 'family')`
		);
		await run(
			`INSERT INTO challenge (id, title, scope, start_day, end_day) VALUES (1, 'Bữa trưa', 'class', '2026-11-20', '2026-11-30')`
		);
		// Monday: a household pledge check-in (no class), then class actions, one in the challenge at 15.
		await run(`INSERT INTO ledger_entry (id, created_at, local_day, points, source_kind, actor_id, person_id, class_id, household_id, challenge_id) VALUES
			(1, 0, '2026-11-23', 5, 'checkin', 1, 1, NULL, 1, NULL),
			(2, 0, '2026-11-24', 15, 'action', 1, 1, 1, 1, 1),
			(3, 0, '2026-11-25', 10, 'action', 2, 2, 1, NULL, NULL)`);
		// The old rollup of her week: parent 0, so she was missing from the class board.
		await run(`INSERT INTO rollup (scope_kind, scope_id, period_kind, period_key, parent_id, points, entries) VALUES
			('person', 1, 'week', '2026-11-23', 0, 20, 2), ('person', 2, 'week', '2026-11-23', 1, 10, 1)`);

		await migrateDb(db, MIGRATIONS);
		const board = await rankBoard(
			db,
			sourceFor('student-in-class', 1).source,
			windowPeriod('week', '2026-11-26'),
			'total',
			null
		);
		expect(board.top.map((r) => [r.scopeId, r.points])).toEqual([
			[1, 20],
			[2, 10]
		]);
		const [credit] = await db.all(sql`SELECT entry_id, challenge_id, points FROM challenge_credit`);
		expect(credit).toEqual({ entry_id: 2, challenge_id: 1, points: 15 });
		expect(await expectRollupsEqualLedger(db)).toBeGreaterThan(10);
		expect(await db.select().from(classStudent)).toHaveLength(2);
	});
});
