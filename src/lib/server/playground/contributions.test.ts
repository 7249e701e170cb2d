import { describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { freshKey } from '../../../../tests/helpers/random';
import { makeUser } from '../../../../tests/helpers/factories';
import { makePlaygroundWorld, recordInput as record } from '../../../../tests/helpers/playground-factories';
import { contribution, ledgerEntry } from '$lib/server/db/schema';
import {
	announceContributionSchema,
	confirmContributionSchema,
	recordContributionSchema
} from '$lib/schemas/playground';
import { getTotals } from '$lib/server/ledger/ledger';
import { announceContribution, recordContribution } from './contributions';
import { confirmContribution, rejectContribution, voidContribution } from './decisions';
import { getTracker } from './tracker';

const t = await createTestDb();

const TZ = 'Asia/Ho_Chi_Minh';

describe('recording a drop-off', () => {
	it('credits household, student and class through one ledger entry, and a double submit counts once', async () => {
		const w = await makePlaygroundWorld(t.db);
		const input = record(w, {
			contributor: w.cards.student,
			material: 'pet_bottles',
			weightKg: '2,5',
			componentId: String(w.bench.id)
		});
		const first = await recordContribution(t.db, w.steward.id, input, new Date(), TZ);
		expect(first.ok).toBe(true);
		const again = await recordContribution(t.db, w.steward.id, input, new Date(), TZ);
		expect(again).toMatchObject({ ok: true, duplicate: true });
		if (!first.ok) return;
		expect(first.contribution).toMatchObject({
			status: 'confirmed',
			grams: 2500,
			points: 50,
			classId: w.cls.id,
			householdId: w.household.id,
			studentId: w.student.id
		});
		expect(await getTotals(t.db, 'person', w.student.id)).toMatchObject({
			points: 50,
			gramsCollected: 2500,
			entries: 1
		});
		expect(await getTotals(t.db, 'class', w.cls.id)).toMatchObject({ points: 50, gramsCollected: 2500 });
		expect(await getTotals(t.db, 'household', w.household.id)).toMatchObject({
			points: 50,
			gramsCollected: 2500
		});
		const tracker = await getTracker(t.db, w.playground.id);
		expect(tracker.components.find((c) => c.id === w.bench.id)?.progress).toBe(0.25);
		expect(tracker.overall).toBe(0.125);
	});
});

describe('bad weights never reach the service', () => {
	const base = { pointId: '1', playgroundId: '1', contributor: 'x', idempotencyKey: 'abcdefgh12' };
	const error = (fields: Record<string, string>) => {
		const r = recordContributionSchema.safeParse({ ...base, ...fields });
		return r.success ? null : r.error.issues[0].message;
	};
	it('refuses zero, negative, malformed and absurd weights; 500 kg+ needs the box', () => {
		expect(error({ material: 'hdpe', weightKg: '0' })).toBe('playground.error.weightPositive');
		expect(error({ material: 'hdpe', weightKg: '-2' })).toBe('playground.error.weightPositive');
		expect(error({ material: 'hdpe', weightKg: '1.234' })).toBe('playground.error.weightInvalid');
		expect(error({ material: 'hdpe', weightKg: 'abc' })).toBe('playground.error.weightInvalid');
		expect(error({ material: 'hdpe', weightKg: '5000.01' })).toBe('playground.error.weightAbsurd');
		expect(error({ material: 'hdpe', weightKg: '500' })).toBeNull();
		expect(error({ material: 'hdpe', weightKg: '500.01' })).toBe('playground.error.largeNeedsConfirm');
		expect(error({ material: 'hdpe', weightKg: '500.01', confirmLarge: 'on' })).toBeNull();
		expect(error({ material: 'hdpe' })).toBe('playground.error.weightRequired');
		expect(error({ material: 'pet_bottles', count: '0' })).toBe('playground.error.countPositive');
		expect(error({ material: 'pet_bottles', count: '12' })).toBeNull();
	});
	it('checks ecobrick density (per brick when several are weighed together)', () => {
		expect(error({ material: 'ecobricks', weightKg: '0.3', volumeMl: '1000' })).toBe(
			'playground.ecobrick.tooLight'
		);
		expect(error({ material: 'ecobricks', weightKg: '0.74', volumeMl: '1000' })).toBe(
			'playground.ecobrick.tooHeavy'
		);
		expect(error({ material: 'ecobricks', weightKg: '0.33', volumeMl: '1000' })).toBeNull();
		expect(error({ material: 'ecobricks', weightKg: '3', volumeMl: '1500', count: '4' })).toBeNull();
		expect(error({ material: 'ecobricks', weightKg: '3', volumeMl: '1500', count: '1' })).toBe(
			'playground.ecobrick.tooHeavy'
		);
		expect(error({ material: 'ecobricks', weightKg: '0.5' })).toBe('playground.ecobrick.needsVolume');
	});
});

describe('announce, confirm, reject', () => {
	it('an announced drop-off earns nothing until confirmed, then once; a rejected one shows its reason', async () => {
		const w = await makePlaygroundWorld(t.db);
		const announce = (fields: Record<string, string>) =>
			announceContributionSchema.parse({
				playgroundId: String(w.playground.id),
				pointId: String(w.point.id),
				idempotencyKey: freshKey(),
				...fields
			});
		const a = await announceContribution(
			t.db,
			{ id: w.student.id, roles: ['student'] },
			w.household.id,
			announce({ material: 'pet_bottles', count: '40' }),
			new Date(),
			TZ
		);
		expect(a).toMatchObject({
			ok: true,
			contribution: {
				status: 'announced',
				studentId: w.student.id,
				classId: w.cls.id,
				points: 0,
				ledgerEntryId: null
			}
		});
		if (!a.ok) return;
		expect((await getTotals(t.db, 'household', w.household.id)).points).toBe(0);

		// Another point's steward may not decide it.
		const confirmInput = confirmContributionSchema.parse({
			contributionId: String(a.contribution.id),
			idempotencyKey: freshKey(),
			material: 'pet_bottles',
			weightKg: '0.45',
			count: '40'
		});
		expect(await confirmContribution(t.db, w.otherSteward.id, confirmInput, new Date(), TZ)).toMatchObject({
			ok: false,
			status: 403
		});
		expect(await rejectContribution(t.db, w.otherSteward.id, a.contribution.id, 'no')).toMatchObject({
			ok: false,
			status: 403
		});
		expect(
			(await t.db.select().from(contribution).where(eq(contribution.id, a.contribution.id)))[0].status
		).toBe('announced');

		const c = await confirmContribution(t.db, w.steward.id, confirmInput, new Date(), TZ);
		expect(c).toMatchObject({
			ok: true,
			contribution: { status: 'confirmed', grams: 450, gramsEstimated: false, points: 9 }
		});
		expect(await confirmContribution(t.db, w.steward.id, confirmInput, new Date(), TZ)).toMatchObject({
			ok: true,
			duplicate: true
		});
		expect(
			await confirmContribution(
				t.db,
				w.steward.id,
				{ ...confirmInput, idempotencyKey: freshKey() },
				new Date(),
				TZ
			)
		).toMatchObject({ ok: false, status: 409 });
		expect(await getTotals(t.db, 'class', w.cls.id)).toMatchObject({
			points: 9,
			gramsCollected: 450,
			entries: 1
		});

		const b = await announceContribution(
			t.db,
			{ id: w.parent.id, roles: ['household'] },
			w.household.id,
			announce({ material: 'soft_plastic', weightKg: '3' }),
			new Date(),
			TZ
		);
		if (!b.ok) throw new Error('announce');
		expect(
			await rejectContribution(t.db, w.steward.id, b.contribution.id, 'Túi còn bẩn, cần rửa sạch')
		).toMatchObject({
			ok: true,
			contribution: { status: 'rejected', reason: 'Túi còn bẩn, cần rửa sạch' }
		});
		expect(await getTotals(t.db, 'household', w.household.id)).toMatchObject({ points: 9 });
	});

	it('refuses an announcement from outside the household, or for a student of another household', async () => {
		const w = await makePlaygroundWorld(t.db);
		const outsider = await makeUser(t.db, { roles: ['household'] });
		const input = announceContributionSchema.parse({
			playgroundId: String(w.playground.id),
			pointId: String(w.point.id),
			idempotencyKey: freshKey(),
			material: 'hdpe',
			weightKg: '1'
		});
		expect(
			await announceContribution(
				t.db,
				{ id: outsider.id, roles: ['household'] },
				w.household.id,
				input,
				new Date(),
				TZ
			)
		).toMatchObject({ ok: false, status: 403 });
		const strangerChild = await makeUser(t.db, { roles: ['student'] });
		expect(
			await announceContribution(
				t.db,
				{ id: w.parent.id, roles: ['household'] },
				w.household.id,
				{
					...input,
					studentId: strangerChild.id
				},
				new Date(),
				TZ
			)
		).toMatchObject({
			ok: false,
			error: 'playground.error.studentNotInHousehold'
		});
	});
});

describe('voids and totals', () => {
	it('a void reverses the points, and the tracker totals equal the ledger', async () => {
		const w = await makePlaygroundWorld(t.db);
		const ids: number[] = [];
		for (const [who, material, kg] of [
			[w.cards.student, 'pet_bottles', '1.2'],
			[w.cards.student, 'soft_plastic', '0.8'],
			[w.cards.student, 'hdpe', '2.35']
		] as const) {
			const r = await recordContribution(
				t.db,
				w.steward.id,
				record(w, { contributor: who, material, weightKg: kg }),
				new Date(),
				TZ
			);
			if (!r.ok) throw new Error(r.error);
			ids.push(r.contribution.id);
		}
		expect(await voidContribution(t.db, w.otherSteward.id, ids[1], 'sai')).toMatchObject({
			ok: false,
			status: 403
		});
		expect(await voidContribution(t.db, w.steward.id, ids[1], 'Cân nhầm')).toMatchObject({
			ok: true,
			contribution: { status: 'voided' }
		});
		expect(await voidContribution(t.db, w.steward.id, ids[1], 'again')).toMatchObject({
			ok: false,
			status: 409
		});

		const tracker = await getTracker(t.db, w.playground.id);
		const [ledger] = await t.db
			.select({
				grams: sql<number>`sum(${ledgerEntry.gramsCollected})`,
				points: sql<number>`sum(${ledgerEntry.points})`
			})
			.from(ledgerEntry)
			.where(
				and(inArray(ledgerEntry.sourceKind, ['contribution', 'reversal']), inArray(ledgerEntry.sourceId, ids))
			);
		expect(tracker.totalGrams).toBe(1200 + 2350);
		expect(Number(ledger.grams)).toBe(tracker.totalGrams);
		expect(Number(ledger.points)).toBe(tracker.byMaterial.reduce((s, m) => s + m.points, 0));
		expect((await getTotals(t.db, 'household', w.household.id)).gramsCollected).toBe(tracker.totalGrams);
		expect(tracker.topClasses[0]).toMatchObject({ id: w.cls.id, grams: 3550 });
	});
});
