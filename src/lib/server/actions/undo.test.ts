import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld } from '../../../../tests/helpers/factories';
import { expectRollupsEqualLedger } from '../../../../tests/helpers/ledger-recount';
import { action, ledgerEntry } from '$lib/server/db/schema';
import { getTotals } from '$lib/server/ledger/ledger';
import { ACTION_RULES } from '$lib/rules/actions';
import { logAction } from './actions';
import { classFeed, personFeed, voidEntryAs } from './review';
import { undoableEntries, undoOwnEntry } from './undo';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
const NOW = new Date('2026-11-27T05:00:00Z');
const DAY = '2026-11-27';
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);
let n = 0;
const key = () => `undo-key-${++n}-abcdef`;
const idOf = async (code: string) =>
	(await t.db.select({ id: action.id }).from(action).where(eq(action.code, code)))[0].id;

async function log(userId: number, code: string, mode: 'person' | 'household' = 'person', at = NOW) {
	const r = await logAction(
		t.db,
		userId,
		{ actionId: await idOf(code), count: 1, day: DAY, mode, idempotencyKey: key() },
		at,
		TZ
	);
	if (!r.ok) throw new Error(r.error);
	return r.entryId;
}
const reversalsOf = (entryId: number) =>
	t.db.select().from(ledgerEntry).where(eq(ledgerEntry.reverses, entryId));

describe('undoing your own slip', () => {
	it('takes the points back from the person, class and household; a second tap writes nothing', async () => {
		const w = await makeStudentWorld(t.db);
		const entryId = await log(w.student.id, 'lunch-box');
		expect((await getTotals(t.db, 'class', w.cls.id)).points).toBe(10);

		expect(await undoOwnEntry(t.db, w.student.id, entryId, minutes(3))).toEqual({ ok: true, already: false });
		expect(await undoOwnEntry(t.db, w.student.id, entryId, minutes(3))).toEqual({ ok: true, already: true });
		const reversals = await reversalsOf(entryId);
		expect(reversals).toHaveLength(1);
		expect(reversals[0]).toMatchObject({ actorId: w.student.id, points: -10, sourceKind: 'reversal' });
		for (const [scope, id] of [
			['person', w.student.id],
			['class', w.cls.id],
			['household', w.household.id]
		] as const)
			expect((await getTotals(t.db, scope, id)).points, scope).toBe(0);
		// The person and the teacher see it as undone by its author, not as a void with a reason.
		const [mine] = await personFeed(t.db, w.student.id);
		expect(mine).toMatchObject({ id: entryId, voided: true, undone: true, voidReason: null });
		const [inClass] = await classFeed(t.db, w.cls.id, DAY);
		expect(inClass).toMatchObject({ undone: true, voidedBy: w.student.nickname });
		await expectRollupsEqualLedger(t.db);
	});

	it('is refused after the window (the review is the teacher’s then) and writes nothing', async () => {
		const w = await makeStudentWorld(t.db);
		const entryId = await log(w.student.id, 'lunch-box');
		expect(await undoOwnEntry(t.db, w.student.id, entryId, minutes(ACTION_RULES.undoMinutes + 1))).toEqual({
			ok: false,
			error: 'actions.undo.expired',
			status: 403,
			params: { minutes: ACTION_RULES.undoMinutes }
		});
		expect(await reversalsOf(entryId)).toHaveLength(0);
		expect((await getTotals(t.db, 'person', w.student.id)).points).toBe(10);
		// The teacher can still void it.
		expect(await voidEntryAs(t.db, w.teacher.id, entryId, 'Bấm nhầm', { classId: w.cls.id })).toEqual({
			ok: true
		});
	});

	it('refuses anyone else’s entry, a reversal and an unknown id as not found, writing nothing', async () => {
		const w = await makeStudentWorld(t.db);
		const other = await makeStudentWorld(t.db);
		const entryId = await log(w.student.id, 'lunch-box');
		const notFound = { ok: false, error: 'actions.undo.notFound', status: 404 };
		// The student's guardian-adult, teacher and another student may not undo it.
		for (const who of [w.parent.id, w.teacher.id, other.student.id])
			expect(await undoOwnEntry(t.db, who, entryId, minutes(1))).toEqual(notFound);
		expect(await undoOwnEntry(t.db, w.student.id, 987654321, minutes(1))).toEqual(notFound);
		expect(await reversalsOf(entryId)).toHaveLength(0);

		await undoOwnEntry(t.db, w.student.id, entryId, minutes(1));
		const [reversal] = await reversalsOf(entryId);
		expect(await undoOwnEntry(t.db, w.student.id, reversal.id, minutes(1))).toEqual(notFound);
		expect(await reversalsOf(reversal.id)).toHaveLength(0);
	});

	it('lets a household adult undo their household log; the student in the household may not', async () => {
		const w = await makeStudentWorld(t.db);
		const entryId = await log(w.parent.id, 'sort-waste', 'household');
		expect((await undoOwnEntry(t.db, w.student.id, entryId, minutes(1))).ok).toBe(false);
		expect(await undoOwnEntry(t.db, w.parent.id, entryId, minutes(1))).toEqual({ ok: true, already: false });
		expect((await getTotals(t.db, 'household', w.household.id)).points).toBe(0);
	});

	it('frees the daily place of an undone log, while a teacher’s void keeps it used', async () => {
		const w = await makeStudentWorld(t.db);
		const sort = await idOf('sort-waste'); // one a day
		const first = await log(w.student.id, 'sort-waste');
		const again = { actionId: sort, count: 1, day: DAY, mode: 'person' as const };
		expect(
			await logAction(t.db, w.student.id, { ...again, idempotencyKey: key() }, minutes(1), TZ)
		).toMatchObject({ ok: false, error: 'actions.cap' });
		await undoOwnEntry(t.db, w.student.id, first, minutes(1));
		const second = await logAction(t.db, w.student.id, { ...again, idempotencyKey: key() }, minutes(2), TZ);
		expect(second.ok).toBe(true);
		if (!second.ok) return;
		await voidEntryAs(t.db, w.teacher.id, second.entryId, 'Không đúng', { classId: w.cls.id }, minutes(3));
		expect(
			await logAction(t.db, w.student.id, { ...again, idempotencyKey: key() }, minutes(4), TZ)
		).toMatchObject({ ok: false, error: 'actions.cap' });
		// A voided entry cannot be undone on top (nothing more is written).
		expect(await undoOwnEntry(t.db, w.student.id, second.entryId, minutes(4))).toEqual({
			ok: true,
			already: true
		});
		expect(await reversalsOf(second.entryId)).toHaveLength(1);
	});

	it('lists only the person’s own logs still in the window, newest first, with the minutes left', async () => {
		const w = await makeStudentWorld(t.db);
		const old = await log(w.student.id, 'refuse-bag', 'person', minutes(-12));
		const undone = await log(w.student.id, 'refuse-bag', 'person', minutes(-6));
		const recent = await log(w.student.id, 'no-straw', 'person', minutes(-2));
		await log(w.parent.id, 'refuse-bag', 'household', minutes(-1));
		await undoOwnEntry(t.db, w.student.id, undone, minutes(-5));
		const list = await undoableEntries(t.db, w.student.id, NOW);
		expect(list.map((u) => u.entryId)).toEqual([recent]);
		expect(list[0]).toMatchObject({ nameEn: 'Said no to a plastic straw', points: 3, minutesLeft: 8 });
		expect(list.map((u) => u.entryId)).not.toContain(old);
	});
});
