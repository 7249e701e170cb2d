import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld } from '../../../../tests/helpers/factories';
import { appendEntry, getTotals, voidEntry } from './ledger';
import { onLedgerWrite, type LedgerWrite } from './events';

const t = await createTestDb();

describe('ledger core', () => {
	it('credits person, class, school, household and neighbourhood in every period, and a void nets to zero', async () => {
		const w = await makeStudentWorld(t.db);
		const entry = await t.db.transaction((tx) =>
			appendEntry(tx, {
				localDay: '2026-11-27',
				points: 10,
				gramsAvoided: 12,
				sourceKind: 'action',
				actorId: w.student.id,
				personId: w.student.id,
				classId: w.cls.id,
				householdId: w.household.id
			})
		);
		for (const [kind, id] of [
			['person', w.student.id],
			['class', w.cls.id],
			['school', w.school.id],
			['household', w.household.id],
			['neighbourhood', w.household.neighbourhoodId]
		] as const) {
			expect(await getTotals(t.db, kind, id, 'all', 'all')).toMatchObject({
				points: 10,
				gramsAvoided: 12,
				entries: 1
			});
			expect(await getTotals(t.db, kind, id, 'week', '2026-11-23')).toMatchObject({ points: 10 });
			expect(await getTotals(t.db, kind, id, 'month', '2026-11')).toMatchObject({ points: 10 });
		}
		expect((await getTotals(t.db, 'class', w.cls.id)).activeMembers).toBe(1);

		const voided = await t.db.transaction((tx) =>
			voidEntry(tx, { entryId: entry.id, actorId: w.teacher.id, reason: 'duplicate' })
		);
		expect(voided.ok).toBe(true);
		// Every entry of the window voided: the class no longer scored there, and has no active member.
		expect(await getTotals(t.db, 'class', w.cls.id)).toMatchObject({
			points: 0,
			gramsAvoided: 0,
			entries: 0,
			activeMembers: 0
		});
		const again = await t.db.transaction((tx) =>
			voidEntry(tx, { entryId: entry.id, actorId: w.teacher.id, reason: 'x' })
		);
		expect(again).toEqual({ ok: false, error: 'ledger.void.already' });
		if (voided.ok) {
			const ofReversal = await t.db.transaction((tx) =>
				voidEntry(tx, { entryId: voided.reversal.id, actorId: w.teacher.id, reason: 'x' })
			);
			expect(ofReversal).toEqual({ ok: false, error: 'ledger.void.isReversal' });
		}
	});

	it('refuses a second entry with the same actor and idempotency key', async () => {
		const w = await makeStudentWorld(t.db);
		const input = {
			localDay: '2026-11-27',
			points: 5,
			sourceKind: 'action' as const,
			actorId: w.student.id,
			personId: w.student.id,
			idempotencyKey: 'abcdefgh1234'
		};
		await t.db.transaction((tx) => appendEntry(tx, input));
		await expect(t.db.transaction((tx) => appendEntry(tx, input))).rejects.toThrow();
		expect((await getTotals(t.db, 'person', w.student.id)).points).toBe(5);
	});

	it('announces each write with the groups, periods and areas it changed', async () => {
		const w = await makeStudentWorld(t.db);
		const heard: LedgerWrite[] = [];
		const stop = onLedgerWrite((write) => heard.push(write));
		try {
			await t.db.transaction((tx) =>
				appendEntry(tx, {
					localDay: '2026-11-27',
					points: 4,
					sourceKind: 'action',
					actorId: w.student.id,
					personId: w.student.id,
					classId: w.cls.id,
					householdId: w.household.id
				})
			);
		} finally {
			stop();
		}
		expect(heard).toHaveLength(1);
		expect(heard[0].scopes).toEqual(
			expect.arrayContaining([
				{ kind: 'person', id: w.student.id, parentId: w.cls.id },
				{ kind: 'class', id: w.cls.id, parentId: w.school.id },
				{ kind: 'household', id: w.household.id, parentId: w.household.neighbourhoodId }
			])
		);
		expect(heard[0].periods).toEqual(
			expect.arrayContaining([
				{ kind: 'week', key: '2026-11-23' },
				{ kind: 'month', key: '2026-11' },
				{ kind: 'all', key: 'all' },
				{ kind: 'day', key: '2026-11-27' }
			])
		);
		expect(heard[0].areaIds).toContain(w.school.areaId);
	});
});
