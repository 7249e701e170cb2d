import { describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb } from '../helpers/db';
import { call, requestEvent as event } from '../helpers/events';
import { makeStudentWorld, makeUser } from '../helpers/factories';
import {
	action,
	actionLog,
	challenge,
	challengeParticipant,
	classGoal,
	ledgerEntry,
	neighbourhoodSteward
} from '../../src/lib/server/db/schema';
import { logAction } from '../../src/lib/server/actions/actions';
import { appendEntry } from '../../src/lib/server/ledger/ledger';
import { addDays, localDay } from '../../src/lib/utils/dates';

const t = await createTestDb();
vi.mock('$lib/server/db', () => ({ getDb: async () => t.db }));

const today = await import('../../src/routes/(app)/today/+page.server');
const review = await import('../../src/routes/(app)/classes/[classId=id]/review/+page.server');
const goals = await import('../../src/routes/(app)/classes/[classId=id]/goals/+page.server');
const feed = await import('../../src/routes/(app)/classes/[classId=id]/feed/+page.server');
const activity = await import('../../src/routes/(app)/households/[householdId=id]/activity/+page.server');
const newChallenge = await import('../../src/routes/(app)/challenges/new/+page.server');
const detail = await import('../../src/routes/(app)/challenges/[challengeId=id]/+page.server');
const catalogue = await import('../../src/routes/(app)/organiser/actions/+page.server');

const forbidden = { status: 403 };
const TODAY = localDay(new Date(), 'Asia/Ho_Chi_Minh');

async function entryOf(studentId: number) {
	const [bottle] = await t.db.select({ id: action.id }).from(action).where(eq(action.code, 'own-bottle'));
	const r = await logAction(
		t.db,
		studentId,
		{
			actionId: bottle.id,
			count: 1,
			day: TODAY,
			mode: 'person',
			idempotencyKey: `guard-${studentId}-abcdef`
		},
		new Date(),
		'Asia/Ho_Chi_Minh'
	);
	if (!r.ok) throw new Error(r.error);
	return r.entryId;
}

describe('route guards for actions, goals, challenges and voids', () => {
	it("a teacher gets 403 on another class's review, goals and feed, and cannot void or set goals there", async () => {
		const a = await makeStudentWorld(t.db);
		const b = await makeStudentWorld(t.db);
		const entryId = await entryOf(b.student.id);
		const p = { classId: String(b.cls.id) };
		const teacherA = (form?: Record<string, string>) => event(a.teacher, ['teacher'], p, form);
		await expect(call(review.load, teacherA())).rejects.toMatchObject(forbidden);
		await expect(
			call(review.actions.void, teacherA({ entryId: String(entryId), reason: 'không đúng' }))
		).rejects.toMatchObject(forbidden);
		await expect(call(goals.load, teacherA())).rejects.toMatchObject(forbidden);
		await expect(
			call(goals.actions.create, teacherA({ metric: 'points', target: '100', deadline: TODAY }))
		).rejects.toMatchObject(forbidden);
		await expect(call(feed.load, teacherA())).rejects.toMatchObject(forbidden);
		// The class's own student may read goals but not set them, and cannot review.
		await expect(
			call(
				goals.actions.create,
				event(b.student, ['student'], p, { metric: 'points', target: '100', deadline: TODAY })
			)
		).rejects.toMatchObject(forbidden);
		await expect(
			call(
				review.actions.void,
				event(b.student, ['student'], p, { entryId: String(entryId), reason: 'tự huỷ' })
			)
		).rejects.toMatchObject(forbidden);
		expect(await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.reverses, entryId))).toHaveLength(0);
		expect(await t.db.select().from(classGoal).where(eq(classGoal.classId, b.cls.id))).toHaveLength(0);
		await expect(
			call(review.load, event(a.teacher, ['teacher'], { classId: '999999' }))
		).rejects.toMatchObject({ status: 404 });
	});

	it("another class's entry id voided from your own class's page is a 404 and nothing is voided", async () => {
		const a = await makeStudentWorld(t.db);
		const b = await makeStudentWorld(t.db);
		const entryId = await entryOf(b.student.id);
		const result = await call(
			review.actions.void,
			event(
				a.teacher,
				['teacher'],
				{ classId: String(a.cls.id) },
				{ entryId: String(entryId), reason: 'không đúng' }
			)
		);
		expect(result).toMatchObject({ status: 404, data: { message: 'ledger.void.notFound' } });
		expect(await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.reverses, entryId))).toHaveLength(0);
	});

	it("only the neighbourhood's steward voids from a household feed; members read it", async () => {
		const w = await makeStudentWorld(t.db);
		const entryId = await entryOf(w.student.id);
		const p = { householdId: String(w.household.id) };
		const stranger = await makeUser(t.db, { roles: ['steward'] });
		await expect(call(activity.load, event(stranger, ['steward'], p))).rejects.toMatchObject(forbidden);
		await expect(
			call(
				activity.actions.void,
				event(w.parent, ['household'], p, { entryId: String(entryId), reason: 'không đúng' })
			)
		).rejects.toMatchObject(forbidden);
		expect(await call(activity.load, event(w.parent, ['household'], p))).toMatchObject({ canVoid: false });
		const steward = await makeUser(t.db, { roles: ['steward'] });
		await t.db
			.insert(neighbourhoodSteward)
			.values({ neighbourhoodId: w.household.neighbourhoodId, userId: steward.id });
		await expect(
			call(
				activity.actions.void,
				event(steward, ['steward'], p, { entryId: String(entryId), reason: 'Ghi trùng' })
			)
		).rejects.toMatchObject({ status: 303 });
		expect(await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.reverses, entryId))).toHaveLength(1);
	});

	it("another household's id in the log form is a 403 and writes nothing", async () => {
		const w = await makeStudentWorld(t.db);
		const other = await makeStudentWorld(t.db);
		const [bag] = await t.db.select({ id: action.id }).from(action).where(eq(action.code, 'refuse-bag'));
		const form = {
			actionId: String(bag.id),
			day: TODAY,
			mode: 'household',
			householdId: String(other.household.id),
			idempotencyKey: 'guard-household-abcdef'
		};
		expect(await call(today.actions.log, event(w.parent, ['household'], {}, form))).toMatchObject({
			status: 403,
			data: { message: 'actions.group.notMember' }
		});
		expect(
			await call(
				today.actions.log,
				event(w.parent, ['household'], {}, { ...form, householdId: String(w.household.id), count: '-2' })
			)
		).toMatchObject({ status: 400, data: { message: 'actions.count.invalid' } });
		expect(await t.db.select().from(actionLog).where(eq(actionLog.actorId, w.parent.id))).toHaveLength(0);
		await expect(
			call(
				today.actions.log,
				event(w.parent, ['household'], {}, { ...form, householdId: String(w.household.id) })
			)
		).rejects.toMatchObject({ status: 303 });
		expect(await t.db.select().from(actionLog).where(eq(actionLog.actorId, w.parent.id))).toHaveLength(1);
	});

	it('students cannot create challenges, only involved people open one, and only organisers manage actions', async () => {
		const w = await makeStudentWorld(t.db);
		const other = await makeStudentWorld(t.db);
		await expect(call(newChallenge.load, event(w.student, ['student'], {}))).rejects.toMatchObject(forbidden);
		const [bottle] = await t.db.select({ id: action.id }).from(action).where(eq(action.code, 'own-bottle'));
		const form = {
			title: 'Lớp khác',
			description: '',
			scope: 'class',
			classIds: String(other.cls.id),
			startDay: TODAY,
			endDay: TODAY,
			actionIds: String(bottle.id),
			[`points_${bottle.id}`]: '10'
		};
		expect(await call(newChallenge.actions.default, event(w.teacher, ['teacher'], {}, form))).toMatchObject({
			status: 403,
			data: { message: 'challenges.scope.forbidden' }
		});
		expect(await t.db.select().from(challenge)).toHaveLength(0);
		await expect(
			call(
				newChallenge.actions.default,
				event(w.teacher, ['teacher'], {}, { ...form, classIds: String(w.cls.id) })
			)
		).rejects.toMatchObject({ status: 303 });
		const [created] = await t.db.select().from(challenge);
		await expect(
			call(detail.load, event(other.student, ['student'], { challengeId: String(created.id) }))
		).rejects.toMatchObject(forbidden);
		expect(
			await call(detail.load, event(w.student, ['student'], { challengeId: String(created.id) }))
		).toMatchObject({ state: 'running', canLog: true });
		await expect(
			call(detail.load, event(w.student, ['student'], { challengeId: 'abc' }))
		).rejects.toMatchObject({ status: 404 });
		await expect(call(catalogue.load, event(w.teacher, ['teacher'], {}))).rejects.toMatchObject(forbidden);
		await expect(
			call(
				catalogue.actions.retire,
				event(w.teacher, ['teacher'], {}, { id: String(bottle.id), retire: '1' })
			)
		).rejects.toMatchObject(forbidden);
		const [still] = await t.db.select().from(action).where(eq(action.id, bottle.id));
		expect(still.retiredAt).toBeNull();
	});

	it('GET never writes: the feed, household activity, goals and challenge pages leave the database as it was', async () => {
		const w = await makeStudentWorld(t.db);
		// A goal already reached by entries, and a challenge over for a week, both not yet settled.
		await t.db.insert(classGoal).values({
			classId: w.cls.id,
			metric: 'points',
			target: 5,
			startDay: addDays(TODAY, -3),
			deadline: addDays(TODAY, 10)
		});
		const [ch] = await t.db
			.insert(challenge)
			.values({ title: 'Xong', scope: 'class', startDay: addDays(TODAY, -20), endDay: addDays(TODAY, -8) })
			.returning();
		await t.db.insert(challengeParticipant).values({ challengeId: ch.id, classId: w.cls.id });
		await t.db.transaction((tx) =>
			appendEntry(tx, {
				localDay: addDays(TODAY, -1),
				points: 9,
				sourceKind: 'bonus',
				actorId: w.student.id,
				personId: w.student.id,
				classId: w.cls.id,
				householdId: w.household.id
			})
		);
		const before = await snapshot();
		const cls = { classId: String(w.cls.id) };
		await call(feed.load, event(w.teacher, ['teacher'], cls));
		await call(goals.load, event(w.teacher, ['teacher'], cls));
		await call(review.load, event(w.teacher, ['teacher'], cls));
		await call(activity.load, event(w.parent, ['household'], { householdId: String(w.household.id) }));
		await call(detail.load, event(w.teacher, ['organiser'], { challengeId: String(ch.id) }));
		expect(await snapshot()).toEqual(before);
	});
});

/** Every table's row count, plus the columns a GET used to write (goal reached, challenge settled). */
async function snapshot() {
	const tables = await t.db.all<{ name: string }>(
		sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
	);
	const counts: Record<string, number> = {};
	for (const { name } of tables) {
		const [row] = await t.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(name)}`);
		counts[name] = row.n;
	}
	const goals = await t.db.all(sql`SELECT * FROM class_goal ORDER BY id`);
	const challenges = await t.db.all(sql`SELECT * FROM challenge ORDER BY id`);
	return { counts, goals, challenges };
}
