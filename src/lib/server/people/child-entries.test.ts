import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld } from '../../../../tests/helpers/factories';
import { action } from '$lib/server/db/schema';
import { logAction } from '$lib/server/actions/actions';
import { classFeed, classFeedCount, voidEntryAs } from '$lib/server/actions/review';
import { undoOwnEntry } from '$lib/server/actions/undo';
import { childCsv, childData } from './guardians';
import { describeEntries } from './child-entries';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
const NOW = new Date('2026-11-27T05:00:00Z');
let n = 0;
const key = () => `child-words-${++n}-abcdef`;
const idOf = async (code: string) =>
	(await t.db.select({ id: action.id }).from(action).where(eq(action.code, code)))[0].id;

async function log(studentId: number, code: string, count = 1) {
	const r = await logAction(
		t.db,
		studentId,
		{ actionId: await idOf(code), count, day: '2026-11-27', mode: 'person', idempotencyKey: key() },
		NOW,
		TZ
	);
	if (!r.ok) throw new Error(r.error);
	return r.entryId;
}

describe("a child's entries in words", () => {
	it('names the action and what a void undid, in the reader’s language, the same in the CSV', async () => {
		const w = await makeStudentWorld(t.db);
		const box = await log(w.student.id, 'lunch-box', 2);
		await voidEntryAs(t.db, w.teacher.id, box, 'Không mang hộp cơm', { classId: w.cls.id }, NOW);
		const data = (await childData(t.db, w.student.id))!;
		const [name] = await t.db
			.select({ vi: action.nameVi, en: action.nameEn })
			.from(action)
			.where(eq(action.code, 'lunch-box'));

		const vi = await describeEntries(t.db, data.entries, 'vi');
		const reversal = data.entries.find((e) => e.sourceKind === 'reversal')!;
		expect(vi.get(box)).toBe(`${name.vi} ×2`);
		expect(vi.get(reversal.id)).toBe(`Huỷ «${name.vi} ×2» — lý do: Không mang hộp cơm`);
		const en = await describeEntries(t.db, data.entries, 'en');
		expect(en.get(box)).toBe(`${name.en} ×2`);
		expect([...vi.values()].some((v) => /^(action|reversal|checkin|contribution)$/.test(v))).toBe(false);

		const csv = childCsv(data, vi);
		expect(csv).toContain(`${name.vi} ×2`);
		expect(csv.split('\n').filter((l) => /^\d+,2026-11-27/.test(l))).toHaveLength(2);
	});

	it('a slip the child undid themself reads as undone, not as a void with the reason "undo"', async () => {
		const w = await makeStudentWorld(t.db);
		const straw = await log(w.student.id, 'no-straw');
		expect(await undoOwnEntry(t.db, w.student.id, straw, NOW)).toMatchObject({ ok: true, already: false });
		const data = (await childData(t.db, w.student.id))!;
		const reversal = data.entries.find((e) => e.sourceKind === 'reversal')!;
		const [name] = await t.db
			.select({ vi: action.nameVi, en: action.nameEn })
			.from(action)
			.where(eq(action.code, 'no-straw'));
		expect((await describeEntries(t.db, data.entries, 'vi')).get(reversal.id)).toBe(
			`Hoàn tác «${name.vi}» (tự huỷ vì bấm nhầm)`
		);
		expect((await describeEntries(t.db, data.entries, 'en')).get(reversal.id)).toBe(
			`Undid “${name.en}” (their own slip)`
		);
	});

	it('the review list pages through a class: counts agree and pages do not overlap', async () => {
		const w = await makeStudentWorld(t.db);
		for (let i = 0; i < 5; i++) await log(w.student.id, i % 2 ? 'own-bottle' : 'refuse-bag');
		expect(await classFeedCount(t.db, w.cls.id, '2026-11-21')).toBe(5);
		const first = await classFeed(t.db, w.cls.id, '2026-11-21', 2, undefined, 0);
		const third = await classFeed(t.db, w.cls.id, '2026-11-21', 2, undefined, 4);
		expect(first).toHaveLength(2);
		expect(third).toHaveLength(1);
		expect(first.map((e) => e.id)).not.toContain(third[0].id);
		expect(await classFeedCount(t.db, w.cls.id, '2026-11-21', w.student.id + 999)).toBe(0);
	});
});
