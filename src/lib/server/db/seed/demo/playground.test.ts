import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb } from '../../../../../../tests/helpers/db';
import { seedDemoStructure } from './structure';
import { seedPlaygroundDemo } from './playground';
import { contribution, ledgerEntry, playground, schoolClass } from '../../schema';
import { getTracker } from '$lib/server/playground/tracker';

const t = await createTestDb();

describe('playground demo', () => {
	it('seeds five weeks of history, and its totals match the ledger', async () => {
		const ctx = await seedDemoStructure(t.db, new Date('2026-11-28T05:00:00Z'));
		await seedPlaygroundDemo(t.db, ctx);

		const [pg] = await t.db.select().from(playground);
		const tracker = await getTracker(t.db, pg.id);
		expect(tracker.components.map((c) => c.name)).toEqual(['Ghế băng', 'Cầu trượt', 'Hàng rào', 'Bồn cây']);
		expect(tracker.components[1].className).toBe('6A1');
		// Counted again from the ledger, which the tracker never reads.
		const byClass = await t.db
			.select({
				name: schoolClass.name,
				grams: sql<number>`sum(${ledgerEntry.gramsCollected})`,
				onSlide: sql<number>`sum(case when ${contribution.componentId} = ${tracker.components[1].id} then ${ledgerEntry.gramsCollected} else 0 end)`
			})
			.from(ledgerEntry)
			.innerJoin(contribution, eq(contribution.id, ledgerEntry.sourceId))
			.innerJoin(schoolClass, eq(schoolClass.id, ledgerEntry.classId))
			.where(eq(ledgerEntry.sourceKind, 'contribution'))
			.groupBy(schoolClass.id)
			.orderBy(sql`2 desc`);
		const sixA1 = byClass.find((c) => c.name === '6A1');
		expect(sixA1?.onSlide).toBeGreaterThanOrEqual(1000); // the demo's class brings real weight to its slide
		expect(tracker.components[1].adopterGrams).toBe(Number(sixA1?.onSlide));
		expect(tracker.topClasses.map((c) => [c.name, c.grams])).toEqual(
			byClass.map((c) => [c.name, Number(c.grams)])
		);
		const statuses = await t.db
			.select({ status: contribution.status, n: sql<number>`count(*)` })
			.from(contribution)
			.groupBy(contribution.status);
		expect(Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]))).toMatchObject({
			announced: 1,
			rejected: 1
		});
		const [ledger] = await t.db
			.select({ g: sql<number>`sum(${ledgerEntry.gramsCollected})` })
			.from(ledgerEntry)
			.where(eq(ledgerEntry.sourceKind, 'contribution'));
		expect(Number(ledger.g)).toBe(tracker.totalGrams);
		expect(tracker.totalGrams).toBeGreaterThan(30_000);
	});
});
