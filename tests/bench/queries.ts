import { createDb } from '../../src/lib/server/db/client';
import { resolveBoard } from '../../src/lib/server/boards/board-access';
import { boardView } from '../../src/lib/server/boards/view';
import { windowPeriod } from '../../src/lib/server/boards/leaderboards';
import { invalidateBoards } from '../../src/lib/server/boards/cache';
import type { BoardKind, BoardWindow } from '../../src/lib/schemas/boards';
import { localDay } from '../../src/lib/utils/dates';
import type { BenchInfo } from './util';

/**
 * Median time of one round of the three benchmarked boards' queries (access check, rank snapshots,
 * names, chart data), run in-process with the board memo off and no rank snapshot kept (as if a
 * write had just changed every board): what a request costs the database, without HTTP. The
 * datasets take turns, round by round, so each meets the same machine.
 */
export async function timeBoardQueries(infos: BenchInfo[], rounds = 200): Promise<number[]> {
	// The database's work, not the memo's: every round runs every query.
	process.env.BOARD_CACHE = 'off';
	const today = localDay(new Date(), 'Asia/Ho_Chi_Minh');
	const boards = (info: BenchInfo): [BoardKind, number, BoardWindow][] => [
		['class-in-school', info.schoolId, 'week'],
		['household-in-neighbourhood', info.neighbourhoodId, 'month'],
		['school-in-area', info.provinceId, 'all']
	];
	const handles = await Promise.all(infos.map((info) => createDb({ url: info.db })));
	const round = async (i: number) => {
		invalidateBoards();
		const info = infos[i];
		const db = handles[i].db;
		const viewer = { id: info.userId, roles: ['teacher', 'household'] };
		for (const [kind, id, window] of boards(info)) {
			const access = await resolveBoard(db, viewer, kind, id);
			if (!access.ok) throw new Error(`${kind} ${id}: ${access.error}`);
			const view = await boardView(db, access.board, windowPeriod(window, today), 'total', today);
			if (view.groups === 0) throw new Error(`${kind} ${id} is empty`);
		}
	};
	const times = infos.map(() => [] as number[]);
	try {
		for (let r = 0; r < 30; r++) for (let i = 0; i < infos.length; i++) await round(i);
		for (let r = 0; r < rounds; r++) {
			for (let i = 0; i < infos.length; i++) {
				const t0 = performance.now();
				await round(i);
				times[i].push(performance.now() - t0);
			}
		}
	} finally {
		for (const h of handles) h.close();
	}
	return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}
