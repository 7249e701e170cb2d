/**
 * Regression tests for the six holes of issue 10, each through the real route handlers on a real
 * migrated database. Every one of them failed on the code before the trust-model work.
 */
import { describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../helpers/db';
import { makeHousehold, makeStudentWorld, makeUser } from '../helpers/factories';
import { makePlaygroundWorld } from '../helpers/playground-factories';
import { routeEvent, run, sessionUser } from '../helpers/route-event';
import {
	classTeacher,
	collectionPointSteward,
	guardianLink,
	household,
	householdMember,
	pledge,
	schoolTeacher,
	userRole
} from '../../src/lib/server/db/schema';
import { createInvite } from '../../src/lib/server/community/schools';
import { createPledge } from '../../src/lib/server/pledges/pledges';
import { recordContribution } from '../../src/lib/server/playground/contributions';
import { addSteward, createCollectionPoint } from '../../src/lib/server/playground/points';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
vi.mock('$lib/server/db', () => ({ getDb: async () => t.db }));

const steward = await import('../../src/routes/(app)/steward/+page.server');
const households = await import('../../src/routes/(app)/households/+page.server');
const children = await import('../../src/routes/(app)/children/+page.server');
const child = await import('../../src/routes/(app)/children/[studentId=id]/+page.server');
const exportJson = await import('../../src/routes/(app)/children/[studentId=id]/export.json/+server');
const organiserPlayground =
	await import('../../src/routes/(app)/organiser/playgrounds/[playgroundId=id]/+page.server');
const teacherJoin = await import('../../src/routes/teacher/join/+page.server');
const trackerPage = await import('../../src/routes/playgrounds/[playgroundId=id]/+page.server');
const posterPage = await import('../../src/routes/playgrounds/[playgroundId=id]/poster/+page.server');
const importPage = await import('../../src/routes/(app)/classes/[classId=id]/students/import/+page.server');

/** A collection point of the playground in a neighbourhood (so it serves it), with this steward. */
async function pointServing(playgroundId: number, neighbourhoodId: number, stewardUsername: string) {
	const point = await createCollectionPoint(t.db, playgroundId, {
		name: 'Nhà văn hoá',
		kind: 'community_house',
		openingHours: '',
		address: '',
		neighbourhoodId
	});
	await addSteward(t.db, point!.id, stewardUsername);
	return point!.id;
}

const rolesOf = async (userId: number) =>
	(await t.db.select({ role: userRole.role }).from(userRole).where(eq(userRole.userId, userId))).map(
		(r) => r.role
	);

describe('hole 1: a steward never sees join codes, nor households their point does not serve', () => {
	it('searching "Nhà" lists only served households, by name, and a join code identifies nobody', async () => {
		const w = await makePlaygroundWorld(t.db);
		await t.db.update(household).set({ inviteCode: 'NHAJ2M' }).where(eq(household.id, w.household.id));
		// The point serves the world's neighbourhood; another neighbourhood's household is out of reach.
		const far = await makeHousehold(t.db, { name: 'Nhà Xa Lắm' });
		await t.db.update(household).set({ inviteCode: 'NHAK3P' }).where(eq(household.id, far.id));
		const servedPoint = await pointServing(w.playground.id, w.household.neighbourhoodId, w.steward.username);
		await t.db.update(household).set({ displayName: 'Nhà Gần' }).where(eq(household.id, w.household.id));

		const user = await sessionUser(t.db, w.steward.id);
		const form = (contributor: string) => ({
			pointId: String(servedPoint),
			playgroundId: String(w.playground.id),
			contributor,
			material: 'pet_bottles',
			weightKg: '1',
			idempotencyKey: `hole1-${contributor.length}-${Math.random().toString(36).slice(2)}`
		});
		const searched = await run(steward.actions.record, routeEvent({ user, form: form('Nhà') }));
		const text = JSON.stringify(searched.value);
		expect(text).not.toContain('NHAJ2M');
		expect(text).not.toContain('NHAK3P');
		expect(text).not.toContain('Nhà Xa Lắm');

		// The join code is not a drop-off credential: nothing is recorded for it.
		const byCode = await run(steward.actions.record, routeEvent({ user, form: form('NHAK3P') }));
		expect(byCode.outcome).toBe(400);
		const direct = await recordContribution(
			t.db,
			w.steward.id,
			{
				...form('x'),
				contributor: 'nhaj2m',
				pointId: servedPoint,
				playgroundId: w.playground.id,
				weightKg: 1,
				material: 'pet_bottles'
			} as never,
			new Date(),
			TZ
		);
		expect(direct.ok).toBe(false);
	});
});

describe('hole 2: a household join code only asks to join', () => {
	it('a brand-new adult posting the code is pending, with no household role, until an adult approves', async () => {
		const parent = await makeUser(t.db, { roles: ['household'] });
		const hh = await makeHousehold(t.db, { adultIds: [parent.id] });
		await t.db.update(household).set({ inviteCode: 'JPNME22A' }).where(eq(household.id, hh.id));
		const stranger = await makeUser(t.db, { roles: ['teacher'] });
		const res = await run(
			households.actions.join,
			routeEvent({ user: await sessionUser(t.db, stranger.id), form: { code: 'jpnme22a' } })
		);
		expect(res.outcome).toBe('ok');
		const [row] = await t.db.select().from(householdMember).where(eq(householdMember.userId, stranger.id));
		expect(row).toMatchObject({ householdId: hh.id, kind: 'adult', status: 'pending' });
		expect(await rolesOf(stranger.id)).toEqual(['teacher']);
	});
});

describe('hole 3: being an adult of the household does not make you a guardian', () => {
	it('no action on /children links an adult to a child of their household; the export stays closed', async () => {
		const w = await makeStudentWorld(t.db);
		const user = await sessionUser(t.db, w.parent.id);
		for (const name of Object.keys(children.actions ?? {})) {
			const fn = (children.actions as Record<string, unknown>)[name];
			await run(fn, routeEvent({ user, form: { studentId: String(w.student.id), code: '' } }));
		}
		expect(await t.db.select().from(guardianLink).where(eq(guardianLink.studentId, w.student.id))).toEqual(
			[]
		);
		const exported = await run(
			exportJson.GET,
			routeEvent({ user, params: { studentId: String(w.student.id) } })
		);
		expect(exported.outcome).toBe(403);
		const page = await run(child.load, routeEvent({ user, params: { studentId: String(w.student.id) } }));
		expect(page.outcome).toBe(403);
	});
});

describe('hole 4: student accounts never get adult roles', () => {
	it('the collection-point steward form refuses a student', async () => {
		const w = await makePlaygroundWorld(t.db);
		const organiser = await makeUser(t.db, { roles: ['organiser'] });
		const res = await run(
			organiserPlayground.actions.steward,
			routeEvent({
				user: await sessionUser(t.db, organiser.id),
				params: { playgroundId: String(w.playground.id) },
				form: { pointId: String(w.point.id), username: w.student.username }
			})
		);
		expect(res.outcome).toBe(400);
		expect(await rolesOf(w.student.id)).toEqual(['student']);
		expect(
			await t.db.select().from(collectionPointSteward).where(eq(collectionPointSteward.userId, w.student.id))
		).toEqual([]);
	});

	it('a teacher invite does not make a student a teacher', async () => {
		const w = await makeStudentWorld(t.db);
		const organiser = await makeUser(t.db, { roles: ['organiser'] });
		const invite = await createInvite(t.db, w.school.id, organiser.id);
		const res = await run(
			teacherJoin.actions.default,
			routeEvent({ user: await sessionUser(t.db, w.student.id), form: { code: invite.code } })
		);
		expect(res.outcome).toBe(400);
		expect(await rolesOf(w.student.id)).toEqual(['student']);
		expect(await t.db.select().from(schoolTeacher).where(eq(schoolTeacher.userId, w.student.id))).toEqual([]);
		expect(await t.db.select().from(classTeacher).where(eq(classTeacher.userId, w.student.id))).toEqual([]);
	});
});

describe('hole 5: public pages show no child, and usernames do not carry real names', () => {
	it('the public tracker and poster never name a student, even after the student brought plastic', async () => {
		const w = await makePlaygroundWorld(t.db);
		await t.db
			.update(household)
			.set({ displayName: 'Nhà Công Khai' })
			.where(eq(household.id, w.household.id));
		const nickname = w.student.nickname;
		const pointId = await pointServing(w.playground.id, w.household.neighbourhoodId, w.steward.username);
		const recorded = await recordContribution(
			t.db,
			w.steward.id,
			{
				pointId,
				playgroundId: w.playground.id,
				contributor: nickname,
				pick: `u:${w.student.id}`,
				material: 'pet_bottles',
				weightKg: 2,
				idempotencyKey: 'hole5-abcdef'
			} as never,
			new Date(),
			TZ
		);
		expect(recorded.ok).toBe(true);
		for (const page of [trackerPage, posterPage]) {
			const res = await run(page.load, routeEvent({ params: { playgroundId: String(w.playground.id) } }));
			expect(res.outcome).toBe('ok');
			const text = JSON.stringify(res.value);
			expect(text).not.toContain(nickname);
			expect(text).not.toContain(w.student.displayName);
		}
	});

	it('a roster import makes usernames that do not come from the child’s name', async () => {
		const w = await makeStudentWorld(t.db);
		const res = await run(
			importPage.actions.create,
			routeEvent({
				user: await sessionUser(t.db, w.teacher.id),
				params: { classId: String(w.cls.id) },
				form: { names: 'Nguyễn Thị Bích Ngọc\nTrần Văn Khôi\nLê Hoàng Quyết', importKey: 'hole5-roster-1' }
			})
		);
		expect(res.outcome).toBe('ok');
		const cards = (res.value as { cards: { username: string }[] }).cards;
		expect(cards).toHaveLength(3);
		for (const c of cards) expect(c.username).not.toMatch(/ngoc|bich|khoi|quyet|nguyen|tran|hoang/);
	});
});

describe('hole 6: erasure removes the child’s own words', () => {
	it('a custom pledge name is gone after the guardian erases the child', async () => {
		const w = await makeStudentWorld(t.db);
		const made = await createPledge(
			t.db,
			w.student.id,
			{
				owner: 'me',
				item: 'custom',
				customName: 'Bình nước của Bích Ngọc',
				customGrams: 12,
				usesPerDay: 1,
				days: 7,
				untilDay: null,
				idempotencyKey: 'hole6-pledge-1'
			},
			new Date(),
			TZ
		);
		expect(made.ok).toBe(true);
		await t.db.insert(guardianLink).values({ guardianId: w.parent.id, studentId: w.student.id });
		const res = await run(
			child.actions.erase,
			routeEvent({
				user: await sessionUser(t.db, w.parent.id),
				params: { studentId: String(w.student.id) },
				form: { confirm: w.student.nickname }
			})
		);
		expect(res).toMatchObject({ outcome: 'ok', location: '/children' });
		const left = await t.db
			.select({ name: pledge.customName })
			.from(pledge)
			.where(and(eq(pledge.idempotencyKey, 'hole6-pledge-1')));
		expect(left.map((p) => p.name)).toEqual([null]);
	});
});
