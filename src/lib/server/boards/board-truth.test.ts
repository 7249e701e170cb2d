import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import {
	makeArea,
	makeClass,
	makeHousehold,
	makeNeighbourhood,
	makeSchool,
	makeUser
} from '../../../../tests/helpers/factories';
import { rollupArea } from '$lib/server/db/schema';
import { appendEntry } from '$lib/server/ledger/ledger';
import { saveArea } from '$lib/server/community/areas';
import { CHART_RULES } from '$lib/rules/charts';
import { rankBoard, windowPeriod, type BoardSource } from './leaderboards';
import { raceData } from './race';
import { sourceFor } from './board-access';

// Regression tests for issue 11: each failed on the code before the fix.

const t = await createTestDb();
const week = windowPeriod('week', '2026-11-26');

async function credit(e: {
	personId?: number;
	classId?: number;
	householdId?: number;
	day: string;
	points: number;
	sourceKind?: 'action' | 'checkin';
}) {
	return t.db.transaction((tx) =>
		appendEntry(tx, {
			localDay: e.day,
			points: e.points,
			sourceKind: e.sourceKind ?? 'action',
			actorId: e.personId ?? null,
			personId: e.personId ?? null,
			classId: e.classId ?? null,
			householdId: e.householdId ?? null
		})
	);
}

const rowsOf = async (src: BoardSource, period = week) =>
	(await rankBoard(t.db, src, period, 'total', null, { top: 100 })).top.map((r) => [r.scopeId, r.points]);

describe('boards follow the person, not the first entry', () => {
	it('a student whose week starts with a household pledge check-in is on her class board all week', async () => {
		const student = await makeUser(t.db, { roles: ['student'] });
		const newcomer = await makeUser(t.db, { roles: ['student'] });
		const cls = await makeClass(t.db, { studentIds: [student.id, newcomer.id] });
		const hh = await makeHousehold(t.db, { studentIds: [student.id] });
		// Monday: a check-in on the family's pledge credits the household and her, not the class.
		await credit({
			personId: student.id,
			householdId: hh.id,
			day: '2026-11-23',
			points: 5,
			sourceKind: 'checkin'
		});
		await credit({
			personId: student.id,
			classId: cls.id,
			householdId: hh.id,
			day: '2026-11-24',
			points: 50
		});
		await credit({ personId: newcomer.id, classId: cls.id, day: '2026-11-25', points: 10 });
		expect(await rowsOf(sourceFor('student-in-class', cls.id).source)).toEqual([
			[student.id, 55],
			[newcomer.id, 10]
		]);
	});
});

describe('per-member scores that fit households', () => {
	it('ranks a two-person household per person, and a one-person household only after two days', async () => {
		const nb = await makeNeighbourhood(t.db);
		const [a, b, solo] = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db)];
		const pair = await makeHousehold(t.db, { neighbourhoodId: nb.id, adultIds: [a.id, b.id] });
		const single = await makeHousehold(t.db, { neighbourhoodId: nb.id, adultIds: [solo.id] });
		await credit({ personId: a.id, householdId: pair.id, day: '2026-11-24', points: 30 });
		await credit({ personId: b.id, householdId: pair.id, day: '2026-11-24', points: 10 });
		// One lucky day for the one-person household: listed, not ranked per person.
		await credit({ personId: solo.id, householdId: single.id, day: '2026-11-24', points: 90 });
		const board = sourceFor('household-in-neighbourhood', nb.id).source;
		const perMember = async () =>
			new Map(
				(await rankBoard(t.db, board, week, 'member', null, { top: 10 })).top.map((r) => [
					r.scopeId,
					r.perMember
				])
			);
		expect(await perMember()).toEqual(
			new Map([
				[pair.id, 20],
				[single.id, null]
			])
		);
		// A second day makes it a week's effort: ranked, at its true points per person.
		await credit({ personId: solo.id, householdId: single.id, day: '2026-11-26', points: 10 });
		expect((await perMember()).get(single.id)).toBe(100);
	});
});

describe('area moves keep area boards true', () => {
	it('moving an area moves its classes onto the boards of its new ancestors, and off the old ones', async () => {
		const oldRoot = await makeArea(t.db);
		const newRoot = await makeArea(t.db);
		const ward = await makeArea(t.db, { parentId: oldRoot.id });
		const sch = await makeSchool(t.db, { areaId: ward.id });
		const student = await makeUser(t.db);
		const cls = await makeClass(t.db, { schoolId: sch.id, studentIds: [student.id] });
		await credit({ personId: student.id, classId: cls.id, day: '2026-11-24', points: 12 });
		const classesIn = (areaId: number) => sourceFor('class-in-area', areaId).source;
		expect(await rowsOf(classesIn(oldRoot.id))).toEqual([[cls.id, 12]]);

		const moved = await saveArea(
			t.db,
			{ nameVi: 'Phường', nameEn: 'Ward', kind: 'ward', parentId: newRoot.id },
			ward.id
		);
		expect(moved.ok).toBe(true);
		expect(await rowsOf(classesIn(newRoot.id))).toEqual([[cls.id, 12]]);
		expect(await rowsOf(classesIn(oldRoot.id))).toEqual([]);
		expect(await rowsOf(classesIn(ward.id))).toEqual([[cls.id, 12]]);
		expect(await rowsOf(sourceFor('school-in-area', newRoot.id).source)).toEqual([[sch.id, 12]]);
		// A later entry lands under the new ancestors only.
		await credit({ personId: student.id, classId: cls.id, day: '2026-11-25', points: 3 });
		const stale = await t.db
			.select()
			.from(rollupArea)
			.where(and(eq(rollupArea.areaId, oldRoot.id), eq(rollupArea.scopeId, cls.id)));
		expect(stale).toEqual([]);
		expect(await rowsOf(classesIn(newRoot.id))).toEqual([[cls.id, 15]]);
	});
});

describe('bounded series', () => {
	it('an all-time race over a stored entry from long ago stays within the chart bound', async () => {
		const student = await makeUser(t.db);
		const cls = await makeClass(t.db, { studentIds: [student.id] });
		await credit({ personId: student.id, classId: cls.id, day: '1970-01-05', points: 4 });
		await credit({ personId: student.id, classId: cls.id, day: '2026-11-24', points: 6 });
		const race = await raceData(t.db, 'class', [cls.id], windowPeriod('all', '2026-11-26'), '2026-11-26');
		expect(race!.labels.length).toBeLessThanOrEqual(CHART_RULES.maxPoints);
		expect(race!.labels.at(-1)).toBe('2026-11-23');
		expect(race!.series[0].points.at(-1)).toBe(6);
	});
});
