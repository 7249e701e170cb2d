import { describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { ledgerEntry } from '$lib/server/db/schema';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeHousehold } from '../../../../tests/helpers/factories';
import { makePlaygroundWorld, recordInput as record } from '../../../../tests/helpers/playground-factories';
import { contribution } from '$lib/server/db/schema';
import { ensureCard } from '$lib/server/people/cards';
import { recordContribution } from './contributions';
import { addComponent, createPlayground } from './playgrounds';
import { resolveContributor } from './contributors';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
const countEntries = async () => (await t.db.select({ n: count() }).from(ledgerEntry))[0].n;
const countContributions = async () => (await t.db.select({ n: count() }).from(contribution))[0].n;

describe('who brought it', () => {
	it('finds a household by its drop-off card (scanned as a URL, at any point) and credits only the household', async () => {
		const w = await makePlaygroundWorld(t.db);
		const hh = await makeHousehold(t.db, { name: 'Nhà Mã Số' });
		const card = await ensureCard(t.db, { householdId: hh.id });
		const r = await recordContribution(
			t.db,
			w.steward.id,
			record(w, { contributor: `https://x.vn/card/${card}`, material: 'bottle_caps', count: '100' }),
			new Date(),
			TZ
		);
		expect(r).toMatchObject({
			ok: true,
			contribution: { householdId: hh.id, studentId: null, grams: 200, gramsEstimated: true, points: 6 }
		});
	});

	it('never takes a join code or a login name for a contributor, nor a crafted pick outside the point’s scope', async () => {
		const w = await makePlaygroundWorld(t.db);
		await t.db.run(sql`update household set invite_code = 'NHAJ2M' where id = ${w.household.id}`);
		const far = await makeHousehold(t.db, { name: 'Nhà Ngoài Vùng' });
		const before = await countContributions();
		for (const contributor of ['NHAJ2M', 'nhaj2m', w.student.username, w.parent.username])
			expect(
				await recordContribution(
					t.db,
					w.steward.id,
					record(w, { contributor, material: 'hdpe', weightKg: '1' }),
					new Date(),
					TZ
				)
			).toMatchObject({ ok: false, error: 'playground.error.unknownContributor' });
		expect(
			await recordContribution(
				t.db,
				w.steward.id,
				record(w, { contributor: 'x', pick: `h:${far.id}`, material: 'hdpe', weightKg: '1' }),
				new Date(),
				TZ
			)
		).toMatchObject({ ok: false, error: 'playground.error.unknownContributor' });
		expect(await countContributions()).toBe(before);
	});

	it('offers candidates when a name matches several contributors', async () => {
		const w = await makePlaygroundWorld(t.db);
		const nb = w.household.neighbourhoodId;
		await makeHousehold(t.db, { name: 'Nhà Trùng Tên A', neighbourhoodId: nb });
		await makeHousehold(t.db, { name: 'Nhà Trùng Tên B', neighbourhoodId: nb });
		// Outside the point's neighbourhoods: not offered.
		await makeHousehold(t.db, { name: 'Nhà Trùng Tên C' });
		const r = await resolveContributor(t.db, w.point.id, 'trùng tên');
		expect(r.ok).toBe(false);
		if (!r.ok && 'candidates' in r) expect(r.candidates).toHaveLength(2);
		const before = await countContributions();
		const res = await recordContribution(
			t.db,
			w.steward.id,
			record(w, { contributor: 'trùng tên', material: 'hdpe', weightKg: '1' }),
			new Date(),
			TZ
		);
		expect(res).toMatchObject({ ok: false, status: 400, error: 'playground.error.ambiguousContributor' });
		expect(await countContributions()).toBe(before);
	});
	it('refuses an unknown contributor, another playground’s component and another point’s steward, writing nothing', async () => {
		const w = await makePlaygroundWorld(t.db);
		const other = await createPlayground(
			t.db,
			{
				modelId: w.playground.modelId,
				areaId: w.playground.areaId,
				name: 'Khác',
				description: '',
				state: 'collecting'
			},
			null
		);
		if (!other.ok) throw new Error('setup');
		const foreign = await addComponent(t.db, other.playground.id, {
			name: 'X',
			targetKg: 1,
			targetItems: undefined,
			materials: []
		});
		const before = [await countContributions(), await countEntries()];

		expect(
			await recordContribution(
				t.db,
				w.steward.id,
				record(w, { contributor: 'không-ai-cả-xyz', material: 'hdpe', weightKg: '1' }),
				new Date(),
				TZ
			)
		).toMatchObject({
			ok: false,
			status: 400,
			error: 'playground.error.unknownContributor'
		});
		expect(
			await recordContribution(
				t.db,
				w.steward.id,
				record(w, {
					contributor: w.cards.student,
					material: 'hdpe',
					weightKg: '1',
					componentId: String(foreign.id)
				}),
				new Date(),
				TZ
			)
		).toMatchObject({ ok: false, status: 400, error: 'playground.error.unknownComponent' });
		expect(
			await recordContribution(
				t.db,
				w.steward.id,
				record(w, {
					contributor: w.cards.student,
					material: 'hdpe',
					weightKg: '1',
					componentId: String(w.bench.id)
				}),
				new Date(),
				TZ
			)
		).toMatchObject({ ok: false, status: 400, error: 'playground.error.materialNotForComponent' });
		// The other point's steward acting at this point.
		expect(
			await recordContribution(
				t.db,
				w.otherSteward.id,
				record(w, { contributor: w.cards.student, material: 'hdpe', weightKg: '1' }),
				new Date(),
				TZ
			)
		).toMatchObject({
			ok: false,
			status: 403,
			error: 'playground.error.notSteward'
		});
		expect([await countContributions(), await countEntries()]).toEqual(before);
	});
});
