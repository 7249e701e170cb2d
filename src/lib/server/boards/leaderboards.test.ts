import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import {
	makeArea,
	makeClass,
	makeHousehold,
	makeNeighbourhood,
	makeSchool,
	makeUser
} from '../../../../tests/helpers/factories';
import { schoolClass } from '$lib/server/db/schema';
import { localDay } from '$lib/utils/dates';
import { appendEntry, voidEntry } from '$lib/server/ledger/ledger';
import {
	competitionRanks,
	rankBoard,
	windowPeriod,
	type BoardPeriod,
	type BoardSource,
	type RankOptions
} from './leaderboards';
import { boardView } from './view';
import { resolveBoard } from './board-access';
import { boardsForViewer } from './board-refs';

const t = await createTestDb();
type Db = typeof t.db;

async function credit(
	db: Db,
	e: {
		personId?: number;
		classId?: number;
		householdId?: number;
		day: string;
		points: number;
	}
) {
	return db.transaction((tx) =>
		appendEntry(tx, {
			localDay: e.day,
			points: e.points,
			sourceKind: 'action',
			actorId: e.personId ?? null,
			personId: e.personId ?? null,
			classId: e.classId ?? null,
			householdId: e.householdId ?? null
		})
	);
}

/** A class with `n` students; each student's entry is `each` points on `day`. */
async function classWith(db: Db, schoolId: number, n: number, each: number[] | number, day = '2026-11-25') {
	const students = [];
	for (let i = 0; i < n; i++) students.push(await makeUser(db, { roles: ['student'] }));
	const cls = await makeClass(db, { schoolId, studentIds: students.map((s) => s.id) });
	for (let i = 0; i < n; i++) {
		const pts = Array.isArray(each) ? each[i] : each;
		if (pts) await credit(db, { personId: students[i].id, classId: cls.id, day, points: pts });
	}
	return { cls, students };
}

const week = windowPeriod('week', '2026-11-26');
const inSchool = (schoolId: number): BoardSource => ({
	table: 'rollup',
	scopeKind: 'class',
	parentId: schoolId
});

describe('ranking rules', () => {
	it('competition ranks: ties share a rank and the next rank skips', () => {
		expect(competitionRanks([30, 20, 20, 10])).toEqual([1, 2, 2, 4]);
		expect(competitionRanks([5, 5, 5])).toEqual([1, 1, 1]);
		expect(competitionRanks([9, null, null])).toEqual([1, null, null]);
	});

	const rank = (
		src: BoardSource,
		period: BoardPeriod,
		sort: 'total' | 'member',
		own: number | null,
		opts: RankOptions = {}
	) => rankBoard(t.db, src, period, sort, own, opts);

	it('ties share a rank on a real board, and the viewer row gets the shared rank too', async () => {
		const s = await makeSchool(t.db);
		const a = await classWith(t.db, s.id, 1, 30);
		const b = await classWith(t.db, s.id, 1, 20);
		const c = await classWith(t.db, s.id, 1, 20);
		const d = await classWith(t.db, s.id, 1, 10);
		// Among ties the newer row is listed first, so b (older) is third in order: the viewer here.
		const board = await rank(inSchool(s.id), week, 'total', b.cls.id, { top: 2 });
		expect(board.groups).toBe(4);
		expect(board.top.map((r) => [r.scopeId, r.rank])).toEqual([
			[a.cls.id, 1],
			[expect.any(Number), 2]
		]);
		// The class tied on 20 that is not in the top 2 is the viewer: rank 2 as well.
		const ownRow = board.own!;
		expect(ownRow.rank).toBe(2);
		expect(board.around.map((r) => r.scopeId)).toContain(d.cls.id);
		expect(board.around.find((r) => r.scopeId === d.cls.id)!.rank).toBe(4);
		expect(board.top[1].scopeId).toBe(c.cls.id);
		expect(board.around.map((r) => [r.scopeId, r.rank])).toEqual([
			[b.cls.id, 2],
			[d.cls.id, 4]
		]);
	});

	it('per active member: a small class can beat a big one; fewer than 3 active members are listed but not ranked', async () => {
		const s = await makeSchool(t.db);
		const small = await classWith(t.db, s.id, 3, 10); // 30 pts, 3 active → 10 each
		const big = await classWith(t.db, s.id, 6, [8, 8, 8, 8, 8, 0]); // 40 pts, 5 active → 8 each
		const pair = await classWith(t.db, s.id, 2, 30); // 60 pts, 2 active → not ranked per member

		const byTotal = await rank(inSchool(s.id), week, 'total', null);
		expect(byTotal.top.map((r) => [r.scopeId, r.rank])).toEqual([
			[pair.cls.id, 1],
			[big.cls.id, 2],
			[small.cls.id, 3]
		]);
		expect(byTotal.top.map((r) => r.activeMembers)).toEqual([2, 5, 3]);
		expect(byTotal.top.map((r) => r.perMember)).toEqual([null, 8, 10]);

		const byMember = await rank(inSchool(s.id), week, 'member', pair.cls.id);
		expect(byMember.top.map((r) => [r.scopeId, r.rank])).toEqual([
			[small.cls.id, 1],
			[big.cls.id, 2],
			[pair.cls.id, null]
		]);
		expect(byMember.own).toMatchObject({ scopeId: pair.cls.id, rank: null, perMember: null });
	});

	it('the third active member makes a group rankable; voiding their only entry makes them inactive again', async () => {
		const s = await makeSchool(t.db);
		const { cls, students } = await classWith(t.db, s.id, 3, [6, 6, 0]);
		let board = await rank(inSchool(s.id), week, 'member', cls.id);
		expect(board.own).toMatchObject({ activeMembers: 2, perMember: null, rank: null });
		const third = await credit(t.db, {
			personId: students[2].id,
			classId: cls.id,
			day: '2026-11-24',
			points: 3
		});
		board = await rank(inSchool(s.id), week, 'member', cls.id);
		expect(board.own).toMatchObject({ points: 15, activeMembers: 3, perMember: 5, rank: 1 });
		await t.db.transaction((tx) =>
			voidEntry(tx, { entryId: third.id, actorId: students[0].id, reason: 'test' })
		);
		// Voiding the third member's only entry makes them inactive again: listed, not ranked.
		board = await rank(inSchool(s.id), week, 'member', cls.id);
		expect(board.own).toMatchObject({ points: 12, activeMembers: 2, perMember: null, rank: null });
	});

	it('weeks turn at 00:00 Monday in Asia/Ho_Chi_Minh, and rank changes compare with the week before', async () => {
		const s = await makeSchool(t.db);
		const a = await classWith(t.db, s.id, 1, 0);
		const b = await classWith(t.db, s.id, 1, 0);
		// Sunday 29 Nov 2026 23:59:59 in Hanoi is 16:59:59Z; Monday 00:00:00 is 17:00:00Z.
		const sundayLate = localDay(new Date('2026-11-29T16:59:59Z'), 'Asia/Ho_Chi_Minh');
		const mondayStart = localDay(new Date('2026-11-29T17:00:00Z'), 'Asia/Ho_Chi_Minh');
		expect([sundayLate, mondayStart]).toEqual(['2026-11-29', '2026-11-30']);
		await credit(t.db, { personId: a.students[0].id, classId: a.cls.id, day: sundayLate, points: 50 });
		await credit(t.db, { personId: b.students[0].id, classId: b.cls.id, day: sundayLate, points: 10 });
		await credit(t.db, { personId: b.students[0].id, classId: b.cls.id, day: mondayStart, points: 7 });

		const lastWeek = await rank(inSchool(s.id), windowPeriod('week', sundayLate), 'total', null);
		expect(lastWeek.top.map((r) => [r.scopeId, r.points])).toEqual([
			[a.cls.id, 50],
			[b.cls.id, 10]
		]);
		const thisWeek = await rank(inSchool(s.id), windowPeriod('week', mondayStart), 'total', a.cls.id);
		expect(thisWeek.top.map((r) => [r.scopeId, r.points, r.rank, r.change])).toEqual([[b.cls.id, 7, 1, 1]]);
		expect(thisWeek.own).toBeNull(); // a has nothing this week: not on the board yet
		expect(windowPeriod('week', mondayStart)).toMatchObject({
			key: '2026-11-30',
			prevKey: '2026-11-23',
			endDay: '2026-12-06'
		});
		expect(windowPeriod('month', '2026-12-01')).toMatchObject({ key: '2026-12', prevKey: '2026-11' });
	});

	it('shows the top, then the viewer with two neighbours either side, never the bottom of the board', async () => {
		const s = await makeSchool(t.db);
		const classes = [];
		for (let i = 0; i < 16; i++) classes.push(await classWith(t.db, s.id, 1, 100 - i * 5));
		const own = classes[12].cls.id; // rank 13 of 16
		const board = await rank(inSchool(s.id), week, 'total', own);
		expect(board.top).toHaveLength(10);
		expect(board.top.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(board.around.map((r) => r.rank)).toEqual([11, 12, 13, 14, 15]);
		expect(board.around.map((r) => r.scopeId)).toEqual(classes.slice(10, 15).map((c) => c.cls.id));
		expect(board.own).toMatchObject({ scopeId: own, rank: 13, own: true });

		const last = await rank(inSchool(s.id), week, 'total', classes[15].cls.id);
		expect(last.around.map((r) => r.rank)).toEqual([14, 15, 16]);
		const inTop = await rank(inSchool(s.id), week, 'total', classes[3].cls.id);
		expect(inTop.around).toEqual([]);
		expect(inTop.top[3].own).toBe(true);
	});

	it('area boards include groups of every area below, at any depth', async () => {
		const province = await makeArea(t.db);
		const district = await makeArea(t.db, { parentId: province.id });
		const ward = await makeArea(t.db, { parentId: district.id });
		const deep = await makeSchool(t.db, { areaId: ward.id });
		const top = await makeSchool(t.db, { areaId: province.id });
		const x = await classWith(t.db, deep.id, 1, 12);
		const y = await classWith(t.db, top.id, 1, 20);
		const n = await makeNeighbourhood(t.db, { areaId: ward.id });
		const adult = await makeUser(t.db);
		const h = await makeHousehold(t.db, { neighbourhoodId: n.id, adultIds: [adult.id] });
		await credit(t.db, { personId: adult.id, householdId: h.id, day: '2026-11-25', points: 4 });

		const classes = await rank(
			{ table: 'area', boardKind: 'class', areaId: province.id },
			week,
			'total',
			null
		);
		expect(classes.top.map((r) => [r.scopeId, r.points])).toEqual([
			[y.cls.id, 20],
			[x.cls.id, 12]
		]);
		const inDistrict = await rank(
			{ table: 'area', boardKind: 'school', areaId: district.id },
			week,
			'total',
			null
		);
		expect(inDistrict.top.map((r) => r.scopeId)).toEqual([deep.id]);
		const hoods = await rank(
			{ table: 'area', boardKind: 'neighbourhood', areaId: province.id },
			windowPeriod('all', '2026-11-26'),
			'total',
			null
		);
		expect(hoods.top.map((r) => [r.scopeId, r.points])).toEqual([[n.id, 4]]);
	});
});

describe('access and privacy', () => {
	it("refuses another school's class board (403), an unknown one (404), and a student board that is off", async () => {
		const teacher = await makeUser(t.db, { roles: ['teacher'] });
		const student = await makeUser(t.db, { roles: ['student'] });
		const outsider = await makeUser(t.db, { roles: ['student'] });
		const cls = await makeClass(t.db, { teacherIds: [teacher.id], studentIds: [student.id] });
		await makeClass(t.db, { studentIds: [outsider.id] });
		const me = (u: { id: number }, roles: string[]) => ({ id: u.id, roles });

		expect((await resolveBoard(t.db, me(student, ['student']), 'class-in-school', cls.schoolId)).ok).toBe(
			true
		);
		expect(
			await resolveBoard(t.db, me(outsider, ['student']), 'class-in-school', cls.schoolId)
		).toMatchObject({ ok: false, status: 403 });
		expect(await resolveBoard(t.db, me(student, ['student']), 'class-in-school', 999_999)).toMatchObject({
			ok: false,
			status: 404
		});
		expect(await resolveBoard(t.db, me(student, ['student']), 'student-in-class', cls.id)).toMatchObject({
			ok: false,
			status: 403,
			error: 'board.error.studentBoardOff'
		});
		expect(await resolveBoard(t.db, me(outsider, ['student']), 'student-in-class', cls.id)).toMatchObject({
			ok: false,
			status: 403,
			error: 'board.error.private'
		});
		const forTeacher = await resolveBoard(t.db, me(teacher, ['teacher']), 'student-in-class', cls.id);
		expect(forTeacher.ok && forTeacher.board.studentBoard).toEqual({ enabled: false, canToggle: true });
		expect((await boardsForViewer(t.db, me(student, ['student']))).map((b) => b.kind)).not.toContain(
			'student-in-class'
		);

		await t.db.update(schoolClass).set({ studentBoardEnabled: true }).where(eq(schoolClass.id, cls.id));
		const on = await resolveBoard(t.db, me(student, ['student']), 'student-in-class', cls.id);
		expect(on.ok && on.board.ownScopeId).toBe(student.id);
		expect((await boardsForViewer(t.db, me(student, ['student']))).map((b) => b.kind)).toContain(
			'student-in-class'
		);
	});

	it('no real name appears on any board: nicknames for people, chosen names for households', async () => {
		const teacher = await makeUser(t.db, { roles: ['teacher'] });
		const kids = [];
		for (let i = 0; i < 4; i++)
			kids.push(
				await makeUser(t.db, {
					roles: ['student'],
					displayName: `Nguyễn Thị Thật ${i}`,
					nickname: `Mèo ${i}`
				})
			);
		const cls = await makeClass(t.db, { teacherIds: [teacher.id], studentIds: kids.map((k) => k.id) });
		await t.db.update(schoolClass).set({ studentBoardEnabled: true }).where(eq(schoolClass.id, cls.id));
		const parent = await makeUser(t.db, { displayName: 'Trần Văn Thật' });
		const h = await makeHousehold(t.db, {
			adultIds: [parent.id],
			studentIds: [kids[0].id],
			name: 'Nhà Lá Xanh'
		});
		for (const [i, k] of kids.entries())
			await credit(t.db, {
				personId: k.id,
				classId: cls.id,
				householdId: i === 0 ? h.id : undefined,
				day: '2026-11-25',
				points: 5 + i
			});
		await credit(t.db, { personId: parent.id, householdId: h.id, day: '2026-11-25', points: 3 });

		const viewer = { id: kids[0].id, roles: ['student'] };
		const refs = await boardsForViewer(t.db, viewer);
		expect(refs.map((r) => r.kind).sort()).toEqual(
			[
				'class-in-area',
				'class-in-school',
				'household-in-neighbourhood',
				'neighbourhood-in-area',
				'school-in-area',
				'student-in-class'
			].sort()
		);
		for (const ref of refs) {
			const access = await resolveBoard(t.db, viewer, ref.kind, ref.containerId);
			if (!access.ok) throw new Error(`${ref.kind} refused`);
			for (const window of ['week', 'all'] as const) {
				const view = await boardView(
					t.db,
					access.board,
					windowPeriod(window, '2026-11-26'),
					'total',
					'2026-11-26'
				);
				const text = JSON.stringify(view);
				expect(view.top.length).toBeGreaterThan(0);
				expect(text).not.toContain('Thật');
				if (ref.kind === 'student-in-class')
					expect(view.top.map((r) => r.name)).toEqual(['Mèo 3', 'Mèo 2', 'Mèo 1', 'Mèo 0']);
				if (ref.kind === 'household-in-neighbourhood') expect(view.top[0].name).toBe('Nhà Lá Xanh');
			}
		}
	});
});
