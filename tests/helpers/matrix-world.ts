import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import {
	action,
	communityModel,
	guardianLink,
	household,
	householdMember,
	neighbourhoodSteward,
	user
} from '../../src/lib/server/db/schema';
import { logAction } from '../../src/lib/server/actions/actions';
import { createChallenge } from '../../src/lib/server/actions/challenge-setup';
import { createPledge } from '../../src/lib/server/pledges/pledges';
import { announceContribution } from '../../src/lib/server/playground/contributions';
import { addServedNeighbourhood } from '../../src/lib/server/playground/points';
import { issueParentCode } from '../../src/lib/server/people/parent-codes';
import { createInvite } from '../../src/lib/server/community/schools';
import { localDay } from '../../src/lib/utils/dates';
import { makeStudentWorld, makeUser } from './factories';
import { makePlaygroundWorld } from './playground-factories';
import { sessionUser } from './route-event';
import type { SessionUser } from '../../src/lib/server/auth/session';

const TZ = 'Asia/Ho_Chi_Minh';

/**
 * The people of the authorisation matrix, each defined by a relation to the world's class A,
 * household A, student A and collection point X (the "target"), or to their twins B and Y.
 */
export const PERSONAS = [
	'anonymous',
	'studentOfClass',
	'studentOfOtherClass',
	'classTeacher',
	'teacherOfOtherSchool',
	'adultOfHousehold',
	'adultOfOtherHousehold',
	'pendingAdult',
	'guardianOfOtherChild',
	'stewardOfPoint',
	'stewardOfOtherPoint',
	'organiser',
	/** Not among the issue's twelve: without them nobody could open a child's own pages. */
	'guardianOfChild'
] as const;
export type Persona = (typeof PERSONAS)[number];

/**
 * One world per matrix row (so what one row's handler changes never leaks into the next): class A
 * (school A) with student A, who is also an approved student of household A; the same for B;
 * collection point X serving A's neighbourhood, Y serving B's, both feeding one playground; and
 * the ids a row may put in a URL or a form.
 */
export async function makeMatrixWorld(db: Db) {
	const pw = await makePlaygroundWorld(db); // its student world is A; its points are X and Y
	const b = await makeStudentWorld(db);
	const today = localDay(new Date(), TZ);
	// Names no other string contains, so a leak check cannot be fooled by "Nick 1" inside "Nick 12".
	for (const [who, tag] of [
		[pw.student, 'A'],
		[b.student, 'B']
	] as const) {
		who.displayName = `Họ Tên Thật ${tag}${who.id}Q`;
		who.nickname = `Biệt Danh ${tag}${who.id}Q`;
		await db
			.update(user)
			.set({ displayName: who.displayName, nickname: who.nickname })
			.where(eq(user.id, who.id));
	}
	for (const [hh, tag] of [
		[pw.household, 'A'],
		[b.household, 'B']
	] as const) {
		hh.displayName = `Nhà Thử ${tag}${hh.id}Q`;
		await db.update(household).set({ displayName: hh.displayName }).where(eq(household.id, hh.id));
	}
	const organiser = await makeUser(db, { roles: ['organiser'] });
	const pendingAdult = await makeUser(db, { roles: ['household'] });
	await db
		.insert(householdMember)
		.values({ householdId: pw.household.id, userId: pendingAdult.id, kind: 'adult', status: 'pending' });
	// Someone waiting to join household B: approving them from household A's page must fail.
	const pendingInB = await makeUser(db, { roles: ['household'] });
	await db
		.insert(householdMember)
		.values({ householdId: b.household.id, userId: pendingInB.id, kind: 'adult', status: 'pending' });
	const guardianOfChild = await makeUser(db, { roles: ['household'] });
	const guardianOfOtherChild = await makeUser(db, { roles: ['household'] });
	await db.insert(guardianLink).values([
		{ guardianId: guardianOfChild.id, studentId: pw.student.id, via: 'code' },
		{ guardianId: guardianOfOtherChild.id, studentId: b.student.id, via: 'code' }
	]);
	// Point X serves A's neighbourhood (pw did that); Y serves B's. Each steward also looks after
	// the neighbourhood their point serves.
	await addServedNeighbourhood(db, pw.otherPoint.id, b.household.neighbourhoodId);
	await db.insert(neighbourhoodSteward).values([
		{ neighbourhoodId: pw.household.neighbourhoodId, userId: pw.steward.id },
		{ neighbourhoodId: b.household.neighbourhoodId, userId: pw.otherSteward.id }
	]);

	const [act] = await db.select({ id: action.id }).from(action).where(eq(action.code, 'own-bottle'));
	const logged = await logAction(
		db,
		b.student.id,
		{ actionId: act.id, count: 1, day: today, mode: 'person', idempotencyKey: `matrix-b-${b.student.id}` },
		new Date(),
		TZ
	);
	if (!logged.ok) throw new Error(logged.error);
	const pledge = await createPledge(
		db,
		pw.student.id,
		{
			owner: 'me',
			item: 'bottle',
			customName: null,
			customGrams: null,
			usesPerDay: 1,
			days: 7,
			untilDay: null,
			idempotencyKey: `matrix-pledge-${pw.student.id}`
		},
		new Date(),
		TZ
	);
	if (!pledge.ok) throw new Error(pledge.error);
	const challenge = await createChallenge(
		db,
		{ id: pw.teacher.id, roles: ['teacher'] },
		{
			title: 'Tuần không chai nhựa',
			description: '',
			scope: 'class',
			classIds: [pw.cls.id],
			startDay: today,
			endDay: today,
			actions: [{ actionId: act.id, points: 5 }]
		} as never,
		today
	);
	if (!challenge.ok) throw new Error(challenge.error);
	const announced = await announceContribution(
		db,
		{ id: pw.parent.id, roles: ['household'] },
		pw.household.id,
		{
			playgroundId: pw.playground.id,
			pointId: pw.point.id,
			material: 'pet_bottles',
			count: 10,
			idempotencyKey: `matrix-announce-${pw.household.id}`
		} as never,
		new Date(),
		TZ
	);
	if (!announced.ok) throw new Error(announced.error);
	const letter = await issueParentCode(db, {
		classId: pw.cls.id,
		studentId: pw.student.id,
		teacherId: pw.teacher.id
	});
	const invite = await createInvite(db, pw.school.id, organiser.id);
	const [model] = await db
		.select({ id: communityModel.id })
		.from(communityModel)
		.where(eq(communityModel.code, 'green-school'));

	const users: Record<Exclude<Persona, 'anonymous'>, { id: number }> = {
		studentOfClass: pw.student,
		studentOfOtherClass: b.student,
		classTeacher: pw.teacher,
		teacherOfOtherSchool: b.teacher,
		adultOfHousehold: pw.parent,
		adultOfOtherHousehold: b.parent,
		pendingAdult,
		guardianOfOtherChild,
		stewardOfPoint: pw.steward,
		stewardOfOtherPoint: pw.otherSteward,
		organiser,
		guardianOfChild
	};
	const sessions = new Map<Persona, SessionUser | null>([['anonymous', null]]);
	for (const [persona, u] of Object.entries(users))
		sessions.set(persona as Persona, await sessionUser(db, u.id));

	return {
		sessions,
		/** Names that must never reach someone without a right to them. */
		studentA: pw.student,
		studentB: b.student,
		householdA: pw.household,
		householdB: b.household,
		classA: pw.cls,
		classB: b.cls,
		schoolA: pw.school,
		schoolB: b.school,
		teacherB: b.teacher,
		adultA: pw.parent,
		pendingAdult,
		pendingInB,
		guardianOfChild,
		guardianOfOtherChild,
		playground: pw.playground,
		bench: pw.bench,
		pointX: pw.point,
		pointY: pw.otherPoint,
		actionId: act.id,
		entryOfB: logged.entryId,
		pledgeA: pledge.pledgeId,
		challengeA: challenge.id,
		announcedAtX: announced.contribution.id,
		parentCode: letter!.code,
		inviteCode: invite.code,
		/** A community model of the reference data (for the model pages and report filters). */
		model
	};
}

export type MatrixWorld = Awaited<ReturnType<typeof makeMatrixWorld>>;
