import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeClass, makeSchool, makeStudentWorld, makeUser } from '../../../../tests/helpers/factories';
import { appendEntry } from '$lib/server/ledger/ledger';
import { MEMO_TTL_MS, boardTags, memoBoard, writeTags } from './cache';
import { resolveBoard, type BoardContext } from './board-access';
import { boardView } from './view';
import { windowPeriod } from './leaderboards';

const t = await createTestDb();
const TODAY = '2026-11-26';
const week = windowPeriod('week', TODAY);
const month = windowPeriod('month', TODAY);

async function classBoard(viewerId: number, schoolId: number): Promise<BoardContext> {
	const access = await resolveBoard(t.db, { id: viewerId, roles: ['student'] }, 'class-in-school', schoolId);
	if (!access.ok) throw new Error('refused');
	return access.board;
}

const credit = (personId: number, classId: number, points: number, day = '2026-11-25') =>
	t.db.transaction((tx) =>
		appendEntry(tx, { localDay: day, points, sourceKind: 'action', actorId: personId, personId, classId })
	);

describe('board memo', () => {
	it('shares a value until its lifetime ends, then loads again', async () => {
		let loads = 0;
		const load = async () => ++loads;
		expect(await memoBoard('k', ['t'], load, 1_000)).toBe(1);
		expect(await memoBoard('k', ['t'], load, 1_000 + MEMO_TTL_MS - 1)).toBe(1);
		expect(await memoBoard('k', ['t'], load, 1_000 + MEMO_TTL_MS)).toBe(2);
		expect(await memoBoard('other', ['t'], load, 1_000 + MEMO_TTL_MS)).toBe(3);
	});

	it('a failed load is not remembered', async () => {
		await expect(memoBoard('bad', [], () => Promise.reject(new Error('down')), 10)).rejects.toThrow('down');
		expect(await memoBoard('bad', [], async () => 'up', 11)).toBe('up');
	});

	it('a write drops the boards it changes and keeps every other board', async () => {
		const w = await makeStudentWorld(t.db);
		const other = await makeSchool(t.db);
		const kid = await makeUser(t.db, { roles: ['student'] });
		const otherClass = await makeClass(t.db, { schoolId: other.id, studentIds: [kid.id] });
		const mine = await classBoard(w.student.id, w.cls.schoolId);
		const theirs = await classBoard(kid.id, other.id);
		await credit(w.student.id, w.cls.id, 4);
		await credit(kid.id, otherClass.id, 7);
		expect((await boardView(t.db, mine, week, 'total', TODAY)).own?.points).toBe(4);
		expect((await boardView(t.db, theirs, week, 'total', TODAY)).own?.points).toBe(7);

		await credit(w.student.id, w.cls.id, 6);
		// The write's own boards show it at once…
		expect((await boardView(t.db, mine, week, 'total', TODAY)).own?.points).toBe(10);
		expect((await boardView(t.db, mine, month, 'total', TODAY)).own?.points).toBe(10);
		// …and the other school's board was not thrown away: a write it never saw is not there yet.
		await t.db.run(
			sql`UPDATE rollup SET points = points + 100 WHERE scope_kind = 'class' AND scope_id = ${otherClass.id}`
		);
		expect((await boardView(t.db, theirs, week, 'total', TODAY)).own?.points).toBe(7);
	});

	it('a board ranked while a write is still uncommitted is not kept once the write commits', async () => {
		const w = await makeStudentWorld(t.db);
		const board = await classBoard(w.student.id, w.cls.schoolId);
		await credit(w.student.id, w.cls.id, 3);
		expect((await boardView(t.db, board, week, 'total', TODAY)).own?.points).toBe(3);
		await t.db.transaction(async (tx) => {
			await appendEntry(tx, {
				localDay: '2026-11-25',
				points: 5,
				sourceKind: 'action',
				actorId: w.student.id,
				personId: w.student.id,
				classId: w.cls.id
			});
			// Read on another connection, before the commit: the board as it was.
			expect((await boardView(t.db, board, week, 'total', TODAY)).own?.points).toBe(3);
		});
		expect((await boardView(t.db, board, week, 'total', TODAY)).own?.points).toBe(8);
	});

	it('names the boards of a write by group, parent, window and area', () => {
		const tags = writeTags({
			scopes: [
				{ kind: 'class', id: 7, parentId: 2 },
				{ kind: 'school', id: 2, parentId: 30 }
			],
			periods: [
				{ kind: 'week', key: '2026-11-23' },
				{ kind: 'day', key: '2026-11-25' }
			],
			areaIds: [30, 1]
		});
		expect(tags.sort()).toEqual(
			[
				'rollup:class:2|week:2026-11-23',
				'rollup:school:30|week:2026-11-23',
				'area:class:30|week:2026-11-23',
				'area:class:1|week:2026-11-23',
				'area:school:30|week:2026-11-23',
				'area:school:1|week:2026-11-23'
			].sort()
		);
		// The week before is a tag too: a backfilled Sunday moves this week's rank changes.
		expect(boardTags({ table: 'rollup', scopeKind: 'class', parentId: 2 }, week)).toEqual([
			'rollup:class:2',
			'rollup:class:2|week:2026-11-23',
			'rollup:class:2|week:2026-11-16'
		]);
	});
});
