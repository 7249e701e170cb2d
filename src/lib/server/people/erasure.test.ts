import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld, makeUser } from '../../../../tests/helpers/factories';
import { classStudent, ledgerEntry, rollup, rollupMember, user } from '$lib/server/db/schema';
import { appendEntry, getTotals } from '$lib/server/ledger/ledger';
import { erasePerson } from './erasure';
import { childCsv, childData } from './guardians';

const t = await createTestDb();

describe('erasing a child', () => {
	it('deletes the person and what identifies them but keeps class and household totals identical', async () => {
		const w = await makeStudentWorld(t.db);
		const classmate = await makeUser(t.db, { roles: ['student'] });
		await t.db.insert(classStudent).values({ classId: w.cls.id, userId: classmate.id });
		const days = ['2026-11-02', '2026-11-10', '2026-11-24'];
		await t.db.transaction(async (tx) => {
			for (const [i, localDay] of days.entries()) {
				await appendEntry(tx, {
					localDay,
					points: 5 + i,
					gramsAvoided: 10,
					sourceKind: 'action',
					actorId: w.student.id,
					personId: w.student.id,
					classId: w.cls.id,
					householdId: w.household.id
				});
			}
			await appendEntry(tx, {
				localDay: '2026-11-24',
				points: 3,
				sourceKind: 'action',
				actorId: classmate.id,
				personId: classmate.id,
				classId: w.cls.id
			});
		});
		const groupRows = () =>
			t.db
				.select()
				.from(rollup)
				.where(sql`${rollup.scopeKind} <> 'person'`)
				.orderBy(rollup.scopeKind, rollup.scopeId, rollup.periodKind, rollup.periodKey);
		const before = await groupRows();
		const classAll = await getTotals(t.db, 'class', w.cls.id);
		expect(classAll.points).toBe(5 + 6 + 7 + 3);

		const data = await childData(t.db, w.student.id);
		expect(data?.entries).toHaveLength(3);
		expect(childCsv(data!)).toContain(w.student.displayName);

		expect(await erasePerson(t.db, w.student.id)).toBe(true);

		expect(await groupRows()).toEqual(before);
		expect(await getTotals(t.db, 'class', w.cls.id)).toEqual(classAll);
		expect(await getTotals(t.db, 'household', w.household.id)).toMatchObject({ points: 18 });
		expect(await t.db.select().from(user).where(eq(user.id, w.student.id))).toHaveLength(0);
		expect(
			await t.db
				.select()
				.from(rollup)
				.where(eq(rollup.scopeId, w.student.id))
				.then((r) => r.filter((x) => x.scopeKind === 'person'))
		).toHaveLength(0);
		expect(
			await t.db.select().from(rollupMember).where(eq(rollupMember.personId, w.student.id))
		).toHaveLength(0);
		const entries = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.classId, w.cls.id));
		expect(entries).toHaveLength(4);
		expect(entries.filter((e) => e.personId === null && e.actorId === null)).toHaveLength(3);
		// the classmate is untouched
		expect(await getTotals(t.db, 'person', classmate.id)).toMatchObject({ points: 3 });
		expect(await erasePerson(t.db, w.student.id)).toBe(false);
	});

	it('every foreign key to a person lets the person be deleted (cascade or set null)', async () => {
		const tables = await t.client.execute(
			"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'"
		);
		const blocking: string[] = [];
		for (const { name } of tables.rows) {
			const fks = await t.client.execute(`pragma foreign_key_list(\`${String(name)}\`)`);
			for (const fk of fks.rows) {
				if (fk.table === 'user' && !['CASCADE', 'SET NULL'].includes(String(fk.on_delete)))
					blocking.push(`${String(name)}.${String(fk.from)}`);
			}
		}
		expect(blocking).toEqual([]);
	});
});
