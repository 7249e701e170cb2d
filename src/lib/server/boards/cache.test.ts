import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld } from '../../../../tests/helpers/factories';
import { appendEntry } from '$lib/server/ledger/ledger';
import { memoBoard } from './cache';
import { resolveBoard } from './board-access';
import { boardView } from './view';
import { windowPeriod } from './leaderboards';

const t = await createTestDb();

describe('board memo', () => {
	it('shares a value for a moment, then loads again', async () => {
		let loads = 0;
		const load = async () => ++loads;
		expect(await memoBoard('k', load, 1_000)).toBe(1);
		expect(await memoBoard('k', load, 2_500)).toBe(1);
		expect(await memoBoard('k', load, 3_100)).toBe(2);
		expect(await memoBoard('other', load, 3_100)).toBe(3);
	});

	it('a failed load is not remembered', async () => {
		await expect(memoBoard('bad', () => Promise.reject(new Error('down')), 10)).rejects.toThrow('down');
		expect(await memoBoard('bad', async () => 'up', 11)).toBe('up');
	});

	it('every ledger entry drops memoised boards at once, so a new point shows on the next view', async () => {
		const w = await makeStudentWorld(t.db);
		const viewer = { id: w.student.id, roles: ['student'] };
		const access = await resolveBoard(t.db, viewer, 'class-in-school', w.cls.schoolId);
		if (!access.ok) throw new Error('refused');
		const credit = (points: number) =>
			t.db.transaction((tx) =>
				appendEntry(tx, {
					localDay: '2026-11-25',
					points,
					sourceKind: 'action',
					actorId: w.student.id,
					personId: w.student.id,
					classId: w.cls.id
				})
			);
		const period = windowPeriod('week', '2026-11-26');
		await credit(4);
		expect((await boardView(t.db, access.board, period, 'total', '2026-11-26')).own?.points).toBe(4);
		await credit(6);
		expect((await boardView(t.db, access.board, period, 'total', '2026-11-26')).own?.points).toBe(10);
	});
});
