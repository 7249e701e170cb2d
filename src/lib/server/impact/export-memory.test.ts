import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeClass, makeHousehold, makeSchool } from '../../../../tests/helpers/factories';
import { csvStream } from '$lib/utils/csv';
import { planExport } from './exports';

const ROWS = 1_000_000;
const t = await createTestDb();

// A collector we can call: retained heap, not garbage, is what shows whether rows pile up.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retained = () => {
	gc();
	return process.memoryUsage().heapUsed;
};

describe('a million-row export', () => {
	it(
		'streams with flat retained memory: heap growth stays far below the size of what it wrote',
		{ timeout: 600_000 },
		async () => {
			const sch = await makeSchool(t.db);
			const classes = await Promise.all(
				Array.from({ length: 20 }, () => makeClass(t.db, { schoolId: sch.id }))
			);
			const households = await Promise.all(Array.from({ length: 50 }, () => makeHousehold(t.db)));
			// The export reads only the ledger: load it in bulk (raw inserts write no rollups).
			// A bigger page cache for this connection: six indexes take a million rows in memory, not on disk.
			await t.client.execute('PRAGMA cache_size = -262144');
			await t.db.run(sql`
				WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${ROWS - 1})
				INSERT INTO ledger_entry (created_at, local_day, points, grams_avoided, source_kind, class_id, household_id)
				SELECT 1767225600000 + n * 1000, date('2026-01-01', '+' || (n % 300) || ' days'), 1 + n % 10, 10,
					'action', ${classes[0].id} + n % 20, ${households[0].id} + n % 50
				FROM seq`);

			const plan = await planExport(
				t.db,
				'ledger',
				{
					areaId: null,
					modelId: null,
					schoolId: sch.id,
					classId: null,
					preset: 'custom',
					period: { from: '2026-01-01', to: '2026-12-31' }
				},
				{ ok: true, as: 'organiser' }
			);
			const reader = csvStream(plan.header, plan.first, plan.page).getReader();
			const before = retained();
			let bytes = 0;
			let lines = 0;
			let chunks = 0;
			let peakGrowth = 0;
			let peakHeap = 0;
			let peakRss = 0;
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				bytes += value.byteLength;
				for (const b of value) if (b === 10) lines++;
				peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
				peakRss = Math.max(peakRss, process.memoryUsage().rss);
				if (++chunks % 20 === 0) peakGrowth = Math.max(peakGrowth, retained() - before);
			}
			const mb = (n: number) => (n / 2 ** 20).toFixed(1);
			console.info(
				`1M-row export: ${mb(bytes)} MB written in ${chunks} chunks; retained heap growth peak ${mb(peakGrowth)} MB; ` +
					`heap peak ${mb(peakHeap)} MB (${mb(before)} MB before); RSS peak ${mb(peakRss)} MB`
			);
			expect(lines).toBe(ROWS + 1);
			expect(bytes).toBeGreaterThan(80 * 2 ** 20);
			// Buffering the rows would retain hundreds of megabytes; one page is well under one.
			expect(peakGrowth).toBeLessThan(16 * 2 ** 20);
		}
	);
});
