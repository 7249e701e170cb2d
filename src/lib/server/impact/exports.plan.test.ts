import { eq, sql, type SQL } from 'drizzle-orm';
import { school } from '$lib/server/db/schema';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld } from '../../../../tests/helpers/factories';
import type { DbOrTx } from '$lib/server/db/client';
import type { ReportQuery } from '$lib/schemas/impact';
import { EXPORT_KINDS } from '$lib/schemas/impact';
import { planExport } from './exports';

const t = await createTestDb();
const w = await makeStudentWorld(t.db);
await t.db.update(school).set({ modelId: 1 }).where(eq(school.id, w.school.id));

/** The database, recording every statement an export runs. */
function recording(): { db: DbOrTx; statements: SQL[] } {
	const statements: SQL[] = [];
	const db = new Proxy(t.db, {
		get(target, prop, receiver) {
			if (prop === 'all')
				return (q: SQL) => {
					statements.push(q);
					return target.all(q);
				};
			return Reflect.get(target, prop, receiver);
		}
	}) as DbOrTx;
	return { db, statements };
}

const base: ReportQuery = {
	areaId: null,
	modelId: null,
	schoolId: null,
	classId: null,
	preset: 'custom',
	period: { from: '2026-01-01', to: '2026-12-31' }
};

describe('export pages', () => {
	it('read a bounded range of their table (never the whole table, never a whole school or class)', async () => {
		const queries: [string, Partial<ReportQuery>][] = [
			['everything', {}],
			['area and model', { areaId: w.school.areaId, modelId: 1 }],
			['school', { schoolId: w.school.id }],
			['class', { classId: w.cls.id }]
		];
		for (const kind of EXPORT_KINDS)
			for (const [label, filters] of queries) {
				const { db, statements } = recording();
				const plan = await planExport(db, kind, { ...base, ...filters }, { ok: true, as: 'organiser' });
				await plan.page(plan.first);
				// The page's read of its main table (names are looked up after it, by id).
				const text = (q: SQL) =>
					(t.db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string } } }).dialect.sqlToQuery(q).sql;
				const pageQuery = statements.findLast((q) =>
					/FROM (ledger_entry e|contribution x|rollup)\s/.test(text(q))
				)!;
				const steps = (await t.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${pageQuery}`)).map(
					(r) => r.detail
				);
				const plan_ = steps.join(' | ');
				// The table read first: a primary-key range (an id window), the class's own index range,
				// or the weekly rollup rows of the groups of one page.
				const expected =
					kind === 'participation'
						? /SEARCH rollup USING (INDEX|PRIMARY KEY) sqlite_autoindex_rollup_1 \(scope_kind=\? AND scope_id=\?/
						: label === 'class' && kind === 'ledger'
							? /SEARCH e USING INDEX ledger_entry_class_idx \(class_id=\? AND/
							: /SEARCH [ex] USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/;
				expect(plan_, `${kind} ${label}`).toMatch(expected);
				expect(plan_, `${kind} ${label}`).not.toMatch(/SCAN (e|x|rollup)\b/);
			}
	});
});
