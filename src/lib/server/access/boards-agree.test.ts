import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import {
	makeClass,
	makeHousehold,
	makeNeighbourhood,
	makeSchool,
	makeStudentWorld,
	makeUser
} from '../../../../tests/helpers/factories';
import { householdMember, schoolClass } from '$lib/server/db/schema';
import { resolveBoard } from '$lib/server/boards/board-access';
import { relationToClass, relationToNeighbourhood, relationToSchool, type Viewer } from './relations';
import { eq } from 'drizzle-orm';

const t = await createTestDb();

/**
 * The boards keep their access decision in one SQL statement per board kind (a board request is
 * mostly statements, so fewer is faster). This checks, viewer by viewer and board by board, that
 * those statements let in exactly the people the access module relates to the board's container.
 */
describe('board access agrees with the access module', () => {
	it('for every viewer and every class, school and neighbourhood board', async () => {
		const a = await makeStudentWorld(t.db);
		const b = await makeStudentWorld(t.db);
		const staffOnly = await makeUser(t.db, { roles: ['teacher'] });
		const schoolOnly = await makeSchool(t.db, { teacherIds: [staffOnly.id] });
		const coTeacher = await makeUser(t.db, { roles: ['teacher'] });
		await makeClass(t.db, { schoolId: a.school.id, teacherIds: [coTeacher.id] });
		const steward = await makeUser(t.db, { roles: ['steward'] });
		const nbStewarded = await makeNeighbourhood(t.db, { stewardIds: [steward.id] });
		const pending = await makeUser(t.db, { roles: ['household'] });
		await t.db
			.insert(householdMember)
			.values({ householdId: a.household.id, userId: pending.id, kind: 'adult', status: 'pending' });
		const pendingKid = await makeUser(t.db, { roles: ['student'] });
		await makeHousehold(t.db, { neighbourhoodId: nbStewarded.id });
		await t.db
			.insert(householdMember)
			.values({ householdId: b.household.id, userId: pendingKid.id, kind: 'student', status: 'pending' });
		const organiser = await makeUser(t.db, { roles: ['organiser'] });
		const stranger = await makeUser(t.db, { roles: ['household'] });
		// One class's student board is on, the other's off.
		await t.db.update(schoolClass).set({ studentBoardEnabled: true }).where(eq(schoolClass.id, a.cls.id));

		const viewers: (Viewer & { name: string })[] = [
			...[
				a.teacher,
				a.student,
				a.parent,
				b.teacher,
				b.student,
				b.parent,
				staffOnly,
				coTeacher,
				pending,
				pendingKid,
				stranger
			].map((u) => ({ id: u.id, roles: [] as string[], name: u.username })),
			{ id: steward.id, roles: ['steward'], name: 'steward' },
			{ id: organiser.id, roles: ['organiser'], name: 'organiser' }
		];
		const schools = [a.school.id, b.school.id, schoolOnly.id];
		const neighbourhoods = [a.household.neighbourhoodId, b.household.neighbourhoodId, nbStewarded.id];
		const classes = [a.cls.id, b.cls.id];
		const [onClass] = await t.db
			.select({ enabled: schoolClass.studentBoardEnabled })
			.from(schoolClass)
			.where(eq(schoolClass.id, a.cls.id));
		expect(onClass.enabled).toBe(true);

		let checked = 0;
		for (const v of viewers) {
			// Roles the session would carry: the steward's and organiser's are set above.
			for (const id of schools) {
				const board = await resolveBoard(t.db, v, 'class-in-school', id);
				const rel = await relationToSchool(t.db, v, id);
				expect(board.ok, `${v.name} on school ${id}'s class board`).toBe(rel !== null);
				checked++;
			}
			for (const id of neighbourhoods) {
				const board = await resolveBoard(t.db, v, 'household-in-neighbourhood', id);
				const rel = await relationToNeighbourhood(t.db, v, id);
				expect(board.ok, `${v.name} on neighbourhood ${id}'s household board`).toBe(rel !== null);
				checked++;
			}
			for (const id of classes) {
				const board = await resolveBoard(t.db, v, 'student-in-class', id);
				const rel = await relationToClass(t.db, v, id);
				// A student board the teacher has switched off is for its teachers (and organisers) only.
				const open = id === a.cls.id ? rel !== null : rel === 'teacher' || rel === 'organiser';
				expect(board.ok, `${v.name} on class ${id}'s student board`).toBe(open);
				checked++;
			}
		}
		expect(checked).toBe(viewers.length * 8);
	});
});
