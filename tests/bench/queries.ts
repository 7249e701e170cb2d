import { createDb } from '../../src/lib/server/db/client';
import { resolveBoard } from '../../src/lib/server/boards/board-access';
import { boardView } from '../../src/lib/server/boards/view';
import { windowPeriod } from '../../src/lib/server/boards/leaderboards';
import type { BoardKind, BoardWindow } from '../../src/lib/schemas/boards';
import { localDay } from '../../src/lib/utils/dates';
import type { BenchInfo } from './util';

/**
 * Median time of one round of the three benchmarked boards' queries (access check, ranking, names,
 * chart data), run in-process against a dataset with the board memo off: what a request costs the
 * database, without HTTP.
 */
export async function timeBoardQueries(info: BenchInfo, rounds = 200): Promise<{ medianMs: number }> {
	// The database's work, not the memo's: every round runs every query.
	process.env.BOARD_CACHE = 'off';
	const handle = await createDb({ url: info.db });
	const db = handle.db;
	const viewer = { id: info.userId, roles: ['teacher', 'household'] };
	const today = localDay(new Date(), 'Asia/Ho_Chi_Minh');
	const boards: [BoardKind, number, BoardWindow][] = [
		['class-in-school', info.schoolId, 'week'],
		['household-in-neighbourhood', info.neighbourhoodId, 'month'],
		['school-in-area', info.provinceId, 'all']
	];
	const round = async () => {
		for (const [kind, id, window] of boards) {
			const access = await resolveBoard(db, viewer, kind, id);
			if (!access.ok) throw new Error(`${kind} ${id}: ${access.error}`);
			const view = await boardView(db, access.board, windowPeriod(window, today), 'total', today);
			if (view.groups === 0) throw new Error(`${kind} ${id} is empty`);
		}
	};
	for (let i = 0; i < 30; i++) await round();
	const times: number[] = [];
	for (let i = 0; i < rounds; i++) {
		const t0 = performance.now();
		await round();
		times.push(performance.now() - t0);
	}
	handle.close();
	times.sort((a, b) => a - b);
	return { medianMs: times[Math.floor(times.length / 2)] };
}
