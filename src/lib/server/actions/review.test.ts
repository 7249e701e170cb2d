import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld, makeUser } from '../../../../tests/helpers/factories';
import { action, ledgerEntry, neighbourhoodSteward } from '$lib/server/db/schema';
import { logAction } from './actions';
import { getTotals } from '$lib/server/ledger/ledger';
import { classFeed, classParticipation, householdFeed, personFeed, voidEntryAs } from './review';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
const NOW = new Date('2026-11-27T05:00:00Z');
let n = 0;
const key = () => `review-key-${++n}-abcdef`;
const idOf = async (code: string) =>
	(await t.db.select({ id: action.id }).from(action).where(eq(action.code, code)))[0].id;

async function oneEntry() {
	const w = await makeStudentWorld(t.db);
	const r = await logAction(
		t.db,
		w.student.id,
		{ actionId: await idOf('lunch-box'), count: 1, day: '2026-11-27', mode: 'person', idempotencyKey: key() },
		NOW,
		TZ
	);
	if (!r.ok) throw new Error(r.error);
	return { w, entryId: r.entryId };
}

describe('review and voids', () => {
	it('lets the class teacher void with a reason; the student sees it voided and why', async () => {
		const { w, entryId } = await oneEntry();
		expect(
			await voidEntryAs(t.db, w.teacher.id, entryId, 'Không mang hộp cơm hôm nay', { classId: w.cls.id }, NOW)
		).toEqual({ ok: true });
		const [mine] = await personFeed(t.db, w.student.id);
		expect(mine).toMatchObject({
			id: entryId,
			voided: true,
			voidReason: 'Không mang hộp cơm hôm nay',
			voidedBy: w.teacher.nickname,
			actionEn: 'Brought a lunch box'
		});
		expect((await getTotals(t.db, 'person', w.student.id)).points).toBe(0);
		expect(await voidEntryAs(t.db, w.teacher.id, entryId, 'again', { classId: w.cls.id }, NOW)).toEqual({
			ok: false,
			error: 'ledger.void.already'
		});
		const [p] = await classParticipation(t.db, w.cls.id, '2026-11-23');
		expect(p).toMatchObject({ userId: w.student.id, entries: 0, points: 0 });
	});

	it('refuses a void by a teacher of another class, the student, or a steward elsewhere; nothing is written', async () => {
		const { w, entryId } = await oneEntry();
		const other = await makeStudentWorld(t.db);
		const strangerSteward = await makeUser(t.db, { roles: ['steward'] });
		await t.db
			.insert(neighbourhoodSteward)
			.values({ neighbourhoodId: other.household.neighbourhoodId, userId: strangerSteward.id });
		expect(await voidEntryAs(t.db, other.teacher.id, entryId, 'nope', { classId: w.cls.id })).toEqual({
			ok: false,
			error: 'actions.void.forbidden'
		});
		expect(await voidEntryAs(t.db, w.student.id, entryId, 'nope', { classId: w.cls.id })).toEqual({
			ok: false,
			error: 'actions.void.forbidden'
		});
		expect(
			await voidEntryAs(t.db, strangerSteward.id, entryId, 'nope', { householdId: w.household.id })
		).toEqual({ ok: false, error: 'actions.void.forbidden' });
		// Another class's entry voided from this class's page is "not found" there.
		expect(await voidEntryAs(t.db, other.teacher.id, entryId, 'nope', { classId: other.cls.id })).toEqual({
			ok: false,
			error: 'ledger.void.notFound'
		});
		expect(await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.reverses, entryId))).toHaveLength(0);
		expect((await getTotals(t.db, 'class', w.cls.id)).points).toBe(10);
	});

	it("lets the steward of the household's neighbourhood void from the household feed", async () => {
		const { w, entryId } = await oneEntry();
		const steward = await makeUser(t.db, { roles: ['steward'] });
		await t.db
			.insert(neighbourhoodSteward)
			.values({ neighbourhoodId: w.household.neighbourhoodId, userId: steward.id });
		expect(
			await voidEntryAs(t.db, steward.id, entryId, 'Trùng lặp', { householdId: w.household.id })
		).toEqual({ ok: true });
		const [row] = await householdFeed(t.db, w.household.id, '2026-11-01');
		expect(row).toMatchObject({ voided: true, voidReason: 'Trùng lặp' });
		const [fromClass] = await classFeed(t.db, w.cls.id, '2026-11-01');
		expect(fromClass.voided).toBe(true);
		expect((await getTotals(t.db, 'household', w.household.id)).points).toBe(0);
	});
});
