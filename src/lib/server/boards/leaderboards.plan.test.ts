import { describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/libsql';
import { createTestDb } from '../../../../tests/helpers/db';
import {
	makeArea,
	makeClass,
	makeHousehold,
	makeNeighbourhood,
	makeSchool,
	makeUser
} from '../../../../tests/helpers/factories';
import * as schema from '$lib/server/db/schema';
import { BOARD_KINDS, BOARD_SORTS } from '$lib/schemas/boards';
import { appendEntry } from '$lib/server/ledger/ledger';
import { windowPeriod } from './leaderboards';
import { boardView, standingsOn } from './view';
import { resolveBoard } from './board-access';
import { boardsForViewer } from './board-refs';

const t = await createTestDb();
// Every query a board runs must be seen, not answered from the memo.
process.env.BOARD_CACHE = 'off';

/** Tables that grow with the country: none of them may be scanned whole by a board request. */
const LARGE = [
	'rollup',
	'rollup_area',
	'rollup_member',
	'ledger_entry',
	'user',
	'class',
	'school',
	'household',
	'neighbourhood',
	'area',
	'class_student',
	'class_teacher',
	'school_teacher',
	'household_member',
	'neighbourhood_steward'
];

describe('board queries are index range reads', () => {
	it('EXPLAIN QUERY PLAN of every query a board runs shows no full scan and no temp B-tree for ORDER BY', async () => {
		const province = await makeArea(t.db);
		const ward = await makeArea(t.db, { parentId: province.id });
		const teacher = await makeUser(t.db, { roles: ['teacher'] });
		const s = await makeSchool(t.db, { areaId: ward.id });
		const n = await makeNeighbourhood(t.db, { areaId: ward.id });
		const students: { id: number; classId: number; householdId: number }[] = [];
		for (let c = 0; c < 14; c++) {
			const kids = [];
			for (let i = 0; i < 4; i++) kids.push(await makeUser(t.db, { roles: ['student'] }));
			const cls = await makeClass(t.db, {
				schoolId: s.id,
				teacherIds: c === 0 ? [teacher.id] : [],
				studentIds: kids.map((k) => k.id)
			});
			const h = await makeHousehold(t.db, { neighbourhoodId: n.id, studentIds: kids.map((k) => k.id) });
			for (const k of kids) students.push({ id: k.id, classId: cls.id, householdId: h.id });
		}
		await t.db.update(schema.schoolClass).set({ studentBoardEnabled: true });
		const [ch] = await t.db
			.insert(schema.challenge)
			.values({ title: 'Thử thách', scope: 'school', startDay: '2026-11-01', endDay: '2026-11-30' })
			.returning();
		for (const [i, st] of students.entries()) {
			for (const day of ['2026-11-16', '2026-11-24', '2026-11-25']) {
				await t.db.transaction((tx) =>
					appendEntry(tx, {
						localDay: day,
						points: 1 + ((i * 7) % 13),
						sourceKind: 'action',
						actorId: st.id,
						personId: st.id,
						classId: st.classId,
						householdId: st.householdId,
						credits: i % 2 ? [{ challengeId: ch.id, points: 3 }] : []
					})
				);
			}
		}
		// The viewer sits low on the boards so neighbour and count queries run too.
		const viewerStudent = students[students.length - 1];

		const captured: { sql: string; params: unknown[] }[] = [];
		const logged = drizzle(t.client, {
			schema,
			logger: { logQuery: (sql, params) => captured.push({ sql, params }) }
		});
		for (const viewer of [
			{ id: viewerStudent.id, roles: ['student'] },
			{ id: teacher.id, roles: ['teacher'] }
		]) {
			const refs = await boardsForViewer(logged, viewer);
			if (viewer.roles.includes('student'))
				expect(new Set(refs.map((r) => r.kind))).toEqual(new Set(BOARD_KINDS));
			for (const ref of refs) {
				const access = await resolveBoard(logged, viewer, ref.kind, ref.containerId);
				if (!access.ok) throw new Error(ref.kind);
				for (const window of ['week', 'month', 'all'] as const) {
					for (const sort of BOARD_SORTS) {
						await boardView(logged, access.board, windowPeriod(window, '2026-11-26'), sort, '2026-11-26');
					}
				}
				await boardView(
					logged,
					access.board,
					windowPeriod('challenge', '2026-11-26', {
						id: ch.id,
						startDay: '2026-11-01',
						endDay: '2026-11-30'
					}),
					'total',
					'2026-11-26'
				);
			}
			await standingsOn(logged, refs, windowPeriod('week', '2026-11-26'));
		}
		expect(captured.length).toBeGreaterThan(50);
		// The rank snapshots (whole boards, walked down their index) must be among them, for both orders.
		expect(
			captured.some((q) => q.sql.includes('group_concat(b.scope_id') && q.sql.includes('x.per_member DESC'))
		).toBe(true);
		expect(
			captured.some((q) => q.sql.includes('group_concat(b.scope_id') && q.sql.includes('x.points DESC'))
		).toBe(true);

		const problems: string[] = [];
		for (const q of captured) {
			const plan = await t.client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.params as never[] });
			for (const row of plan.rows) {
				const detail = String(row.detail);
				const scanned = /^SCAN (\w+)/.exec(detail);
				if (scanned && LARGE.includes(scanned[1])) problems.push(`${detail} in: ${q.sql}`);
				if (
					/TEMP B-TREE FOR (ORDER BY|RIGHT PART OF ORDER BY)/.test(detail) &&
					/ORDER BY/.test(q.sql) &&
					/rollup/.test(q.sql)
				) {
					problems.push(`${detail} in: ${q.sql}`);
				}
			}
		}
		expect(problems).toEqual([]);
	});

	it('the plan check itself catches a scan (a board read without its index prefix)', async () => {
		const plan = await t.client.execute(
			'EXPLAIN QUERY PLAN SELECT scope_id FROM rollup WHERE period_key = ? ORDER BY points DESC'
		);
		const details = plan.rows.map((r) => String(r.detail)).join('\n');
		expect(details).toMatch(/^SCAN rollup/m);
		expect(details).toMatch(/TEMP B-TREE FOR ORDER BY/);
		const good = await t.client.execute({
			sql: "EXPLAIN QUERY PLAN SELECT scope_id FROM rollup WHERE scope_kind = 'class' AND parent_id = 1 AND period_kind = 'week' AND period_key = '2026-11-23' ORDER BY points DESC, rowid DESC LIMIT 10",
			args: []
		});
		expect(good.rows.map((r) => String(r.detail)).join('\n')).toMatch(
			/SEARCH rollup USING (COVERING )?INDEX rollup_board_idx/
		);
	});
});
