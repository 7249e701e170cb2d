import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import {
	makeArea,
	makeClass,
	makeHousehold,
	makeNeighbourhood,
	makeSchool,
	makeUser
} from '../../../../tests/helpers/factories';
import { makePlaygroundWorld } from '../../../../tests/helpers/playground-factories';
import {
	action,
	actionLog,
	areaClosure,
	collectionPoint,
	communityModel,
	contribution,
	household,
	impactDay,
	impactMaterialDay,
	impactMember,
	ledgerEntry,
	neighbourhood,
	playground,
	pledgeCheckin,
	school,
	schoolClass
} from '$lib/server/db/schema';
import { logAction } from '$lib/server/actions/actions';
import { checkIn, createPledge } from '$lib/server/pledges/pledges';
import { appendEntry, voidEntry } from '$lib/server/ledger/ledger';
import { addDays, localDay, weekStart } from '$lib/utils/dates';
import { activeByBucket, countActive } from './participants';
import { rebuildImpactRollups } from './rebuild';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
const START = Date.parse('2026-01-05T03:00:00Z');

function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let r = Math.imul(a ^ (a >>> 15), 1 | a);
		r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
		return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
	};
}
const random = prng(17_2026);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const key = (...parts: (string | number)[]) => parts.join('|');

/**
 * Two wards with a school and neighbourhoods each, a third ward under another district, two models,
 * students in classes and households, adults, a playground: then ~50 days of logs (some for
 * yesterday after today), pledge check-ins, drop-offs written in the order the demo writes them,
 * and voids of all kinds.
 */
async function makeHistory() {
	const [green] = await t.db.select().from(communityModel).where(eq(communityModel.code, 'green-school'));
	const [resid] = await t.db.select().from(communityModel).where(eq(communityModel.code, 'residential-area'));
	const city = await makeArea(t.db);
	const district = await makeArea(t.db, { parentId: city.id });
	const otherDistrict = await makeArea(t.db, { parentId: city.id });
	const wards = [
		await makeArea(t.db, { parentId: district.id }),
		await makeArea(t.db, { parentId: district.id }),
		await makeArea(t.db, { parentId: otherDistrict.id })
	];
	const schools = [
		await makeSchool(t.db, { areaId: wards[0].id }),
		await makeSchool(t.db, { areaId: wards[2].id })
	];
	await t.db.update(school).set({ modelId: green.id }).where(eq(school.id, schools[0].id));
	const nbs = [
		await makeNeighbourhood(t.db, { areaId: wards[0].id }),
		await makeNeighbourhood(t.db, { areaId: wards[1].id }),
		await makeNeighbourhood(t.db, { areaId: wards[2].id })
	];
	await t.db.update(neighbourhood).set({ modelId: resid.id }).where(eq(neighbourhood.id, nbs[0].id));
	await t.db.update(neighbourhood).set({ modelId: green.id }).where(eq(neighbourhood.id, nbs[1].id));

	type Person = Awaited<ReturnType<typeof makeUser>>;
	const students: Person[] = [];
	for (let i = 0; i < 8; i++) students.push(await makeUser(t.db, { roles: ['student'] }));
	const classes = [
		await makeClass(t.db, { schoolId: schools[0].id, studentIds: students.slice(0, 3).map((s) => s.id) }),
		await makeClass(t.db, { schoolId: schools[0].id, studentIds: students.slice(3, 5).map((s) => s.id) }),
		await makeClass(t.db, { schoolId: schools[1].id, studentIds: students.slice(5).map((s) => s.id) })
	];
	const adults: Person[] = [];
	for (let i = 0; i < 5; i++) adults.push(await makeUser(t.db, { roles: ['household'] }));
	const households: Awaited<ReturnType<typeof makeHousehold>>[] = [];
	for (let i = 0; i < 5; i++) {
		households.push(
			await makeHousehold(t.db, {
				neighbourhoodId: nbs[i % 3].id,
				adultIds: [adults[i].id],
				studentIds: students.filter((_, j) => j % 6 === i).map((s) => s.id)
			})
		);
	}
	const acts = await t.db.select().from(action);
	const pg = await makePlaygroundWorld(t.db);

	let n = 0;
	const idem = () => `impact-test-${++n}`;
	const pledges: { id: number; user: number }[] = [];
	for (const s of students.slice(0, 4)) {
		const r = await createPledge(
			t.db,
			s.id,
			{
				owner: 'me',
				item: 'bottle',
				customName: null,
				customGrams: null,
				usesPerDay: 2,
				days: 30,
				untilDay: null,
				idempotencyKey: idem()
			},
			new Date(START),
			TZ
		);
		if (r.ok) pledges.push({ id: r.pledgeId, user: s.id });
	}
	const hp = await createPledge(
		t.db,
		adults[0].id,
		{
			owner: 'household',
			item: 'bag',
			customName: null,
			customGrams: null,
			usesPerDay: 3,
			days: 21,
			untilDay: null,
			idempotencyKey: idem()
		},
		new Date(START + 10 * 86_400_000),
		TZ
	);
	if (hp.ok) pledges.push({ id: hp.pledgeId, user: adults[0].id });

	for (let d = 0; d < 50; d++) {
		const now = new Date(START + d * 86_400_000);
		const today = localDay(now, TZ);
		// Yesterday's logs often arrive after today's, which moves the next day's prev_day.
		for (const day of random() < 0.3 ? [today, addDays(today, -1)] : [today]) {
			for (const s of students) {
				if (random() < 0.45)
					await logAction(
						t.db,
						s.id,
						{
							actionId: pick(acts).id,
							count: 1 + Math.floor(random() * 2),
							day,
							mode: 'person',
							idempotencyKey: idem()
						},
						now,
						TZ
					);
			}
			for (const a of adults) {
				if (random() < 0.3)
					await logAction(
						t.db,
						a.id,
						{ actionId: pick(acts).id, count: 1, day, mode: 'household', idempotencyKey: idem() },
						now,
						TZ
					);
			}
		}
		for (const p of pledges) {
			if (random() < 0.7)
				await checkIn(
					t.db,
					p.user,
					{
						pledgeId: p.id,
						day: random() < 0.2 ? 'yesterday' : 'today',
						count: 1 + Math.floor(random() * 2),
						idempotencyKey: idem()
					},
					now,
					TZ
				);
		}
		if (random() < 0.4) {
			// As the demo writes them: the contribution row, its entry, then a log written after its entry.
			const h = pick(households);
			const grams = 200 + Math.floor(random() * 3000);
			const material = pick(['pet_bottles', 'soft_plastic', 'ecobricks'] as const);
			const [c] = await t.db
				.insert(contribution)
				.values({
					playgroundId: pg.playground.id,
					pointId: pg.point.id,
					material,
					grams,
					householdId: h.id,
					status: 'confirmed',
					points: 5,
					localDay: today
				})
				.returning();
			await t.db.transaction(async (tx) => {
				const e = await appendEntry(tx, {
					localDay: today,
					points: 5,
					gramsCollected: grams,
					sourceKind: 'contribution',
					sourceId: c.id,
					actorId: pg.steward.id,
					householdId: h.id
				});
				const [last] = await tx.select({ m: sql<number>`coalesce(max(${actionLog.id}), 0)` }).from(actionLog);
				const s = pick(students);
				const cls = classes[students.indexOf(s) < 3 ? 0 : students.indexOf(s) < 5 ? 1 : 2];
				const late = await appendEntry(tx, {
					localDay: today,
					points: 10,
					gramsAvoided: 20,
					sourceKind: 'action',
					sourceId: Number(last.m) + 1,
					actorId: s.id,
					personId: s.id,
					classId: cls.id,
					createdAt: now
				});
				await tx.insert(actionLog).values({
					id: Number(last.m) + 1,
					actionId: acts[0].id,
					mode: 'person',
					actorId: s.id,
					personId: s.id,
					classId: cls.id,
					localDay: today,
					count: 3,
					ledgerEntryId: late.id,
					createdAt: now
				});
				void e;
			});
		}
		if (random() < 0.35) {
			const [victim] = await t.db
				.select({ id: ledgerEntry.id })
				.from(ledgerEntry)
				.where(
					sql`${ledgerEntry.sourceKind} <> 'reversal' AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses = ${ledgerEntry.id})`
				)
				.orderBy(sql`random()`)
				.limit(1);
			if (victim)
				await t.db.transaction((tx) =>
					voidEntry(tx, { entryId: victim.id, actorId: adults[0].id, reason: 'test' })
				);
		}
	}
	return { city, district, wards, green, resid, firstDay: localDay(new Date(START), TZ) };
}

const history = await makeHistory();

/** The keys, amounts and members of every entry, worked out in JavaScript from the ledger alone. */
async function truth() {
	const entries = await t.db.select().from(ledgerEntry);
	const byId = new Map(entries.map((e) => [e.id, e]));
	const classes = new Map((await t.db.select().from(schoolClass)).map((c) => [c.id, c]));
	const schools = new Map((await t.db.select().from(school)).map((s) => [s.id, s]));
	const households = new Map((await t.db.select().from(household)).map((h) => [h.id, h]));
	const nbs = new Map((await t.db.select().from(neighbourhood)).map((n) => [n.id, n]));
	const ancestors = new Map<number, number[]>();
	for (const r of await t.db.select().from(areaClosure))
		ancestors.set(r.areaId, [...(ancestors.get(r.areaId) ?? []), r.ancestorId]);
	const logs = new Map((await t.db.select().from(actionLog)).map((l) => [l.id, l]));
	const checkins = new Map((await t.db.select().from(pledgeCheckin)).map((c) => [c.id, c]));
	const contributions = new Map((await t.db.select().from(contribution)).map((c) => [c.id, c]));
	const points = new Map((await t.db.select().from(collectionPoint)).map((p) => [p.id, p.areaId]));
	const playgrounds = new Map((await t.db.select().from(playground)).map((p) => [p.id, p.modelId]));

	const days = new Map<string, Record<string, number>>();
	const materials = new Map<string, { grams: number; dropOffs: number }>();
	const members: { kind: string; area: number; model: number; member: number; day: string }[] = [];
	for (const e of entries) {
		const sides: { side: string; area: number; model: number; school?: number }[] = [];
		if (e.classId) {
			const s = schools.get(classes.get(e.classId)!.schoolId)!;
			sides.push({ side: 'school', area: s.areaId, model: s.modelId ?? 0, school: s.id });
		}
		if (e.householdId) {
			const n = nbs.get(households.get(e.householdId)!.neighbourhoodId)!;
			sides.push({ side: 'household', area: n.areaId, model: n.modelId ?? 0 });
		}
		const original = e.reverses ? byId.get(e.reverses)! : e;
		if (original.sourceKind === 'contribution') {
			const c = contributions.get(e.sourceId!)!;
			sides.push({
				side: 'collection',
				area: points.get(c.pointId)!,
				model: playgrounds.get(c.playgroundId)!
			});
		}
		const keys = new Set([key(0, 0)]);
		for (const s of sides)
			for (const a of ancestors.get(s.area)!) {
				keys.add(key(a, 0));
				if (s.model) keys.add(key(a, s.model)).add(key(0, s.model));
			}
		const sign = e.reverses ? -1 : 1;
		const kind = original.sourceKind;
		const log = kind === 'action' ? logs.get(e.sourceId!) : undefined;
		const items =
			kind === 'action'
				? sign * (log?.ledgerEntryId === original.id ? log.count : 0)
				: kind === 'checkin'
					? sign * checkins.get(e.sourceId!)!.itemsAvoided
					: 0;
		for (const k of keys) {
			const d = days.get(key(k, e.localDay)) ?? {};
			const add = (f: string, v: number) => (d[f] = (d[f] ?? 0) + v);
			add('points', e.points);
			add('gramsAvoided', e.gramsAvoided);
			add('gramsCollected', e.gramsCollected);
			add('itemsAvoided', items);
			add('actions', kind === 'action' ? sign : 0);
			add('checkins', kind === 'checkin' ? sign : 0);
			add('pledgesKept', kind === 'bonus' ? sign : 0);
			add('dropOffs', kind === 'contribution' ? sign : 0);
			add('entries', sign);
			days.set(key(k, e.localDay), d);
			if (kind === 'contribution') {
				const m = key(k, e.localDay, contributions.get(e.sourceId!)!.material);
				const cell = materials.get(m) ?? { grams: 0, dropOffs: 0 };
				cell.grams += e.gramsCollected;
				cell.dropOffs += sign;
				materials.set(m, cell);
			}
		}
		if (e.reverses) continue;
		for (const s of sides) {
			const add = (kind: string, member: number) =>
				members.push({ kind, area: s.area, model: s.model, member, day: e.localDay });
			if (s.side === 'school') {
				if (e.personId) add('student', e.personId);
				add('class', e.classId!);
				add('school', s.school!);
			} else if (s.side === 'household') add('household', e.householdId!);
			else continue;
			if (e.sourceKind === 'checkin' && (s.side === 'school' || !e.classId))
				add('pledge', checkins.get(e.sourceId!)!.pledgeId);
		}
	}
	return { days, materials, members, ancestors };
}

async function snapshot() {
	return {
		days: await t.db.select().from(impactDay).orderBy(impactDay.areaId, impactDay.modelId, impactDay.day),
		materials: await t.db
			.select()
			.from(impactMaterialDay)
			.orderBy(
				impactMaterialDay.areaId,
				impactMaterialDay.modelId,
				impactMaterialDay.day,
				impactMaterialDay.material
			),
		active: await t.db.all(sql`SELECT * FROM impact_active ORDER BY kind, area_id, model_id, grain, bucket`),
		members: await t.db
			.select()
			.from(impactMember)
			.orderBy(
				impactMember.kind,
				impactMember.areaId,
				impactMember.modelId,
				impactMember.memberId,
				impactMember.grain,
				impactMember.bucket
			)
	};
}

describe('impact rollups', () => {
	it('equal the ledger for every area, model and day, with voids, late logs and backfilled days', async () => {
		const expected = await truth();
		const stored = await snapshot();
		expect(stored.days.length).toBeGreaterThan(100);
		const got = new Map(stored.days.map((r) => [key(r.areaId, r.modelId, r.day), r]));
		for (const k of new Set([...expected.days.keys(), ...got.keys()])) {
			const want = expected.days.get(k) ?? {};
			const row = got.get(k);
			for (const f of [
				'points',
				'gramsAvoided',
				'gramsCollected',
				'itemsAvoided',
				'actions',
				'checkins',
				'pledgesKept',
				'dropOffs',
				'entries'
			] as const)
				expect({ k, f, v: row?.[f] ?? 0 }).toEqual({ k, f, v: want[f] ?? 0 });
		}
		const gotMaterials = new Map(
			stored.materials.map((r) => [key(r.areaId, r.modelId, r.day, r.material), r])
		);
		expect(gotMaterials.size).toBeGreaterThan(0);
		for (const k of new Set([...expected.materials.keys(), ...gotMaterials.keys()]))
			expect({ k, ...(expected.materials.get(k) ?? {}) }).toEqual({
				k,
				grams: gotMaterials.get(k)?.grams,
				dropOffs: gotMaterials.get(k)?.dropOffs
			});
	});

	it('count exactly the members active in any period, area and model', async () => {
		const { members, ancestors } = await truth();
		const kinds = ['student', 'household', 'class', 'school', 'pledge'] as const;
		const scopes = [
			{ areaId: null, modelId: null },
			{ areaId: history.city.id, modelId: null },
			{ areaId: history.district.id, modelId: null },
			{ areaId: history.wards[0].id, modelId: history.green.id },
			{ areaId: null, modelId: history.green.id },
			{ areaId: null, modelId: history.resid.id }
		];
		let checked = 0;
		for (let i = 0; i < 40; i++) {
			const from = addDays(history.firstDay, Math.floor(random() * 55) - 3);
			const to = addDays(from, Math.floor(random() * (i % 3 === 0 ? 60 : 12)));
			const scope = pick(scopes);
			const counts = await countActive(t.db, scope, kinds, { from, to });
			for (const kind of kinds) {
				const want = new Set(
					members
						.filter(
							(m) =>
								m.kind === kind &&
								m.day >= from &&
								m.day <= to &&
								(scope.areaId === null || ancestors.get(m.area)!.includes(scope.areaId)) &&
								(scope.modelId === null || m.model === scope.modelId)
						)
						.map((m) => key(m.area, m.model, m.member))
				).size;
				const got = counts.filter((c) => c.kind === kind).reduce((n, c) => n + c.n, 0);
				expect({ from, to, scope, kind, n: got }).toEqual({ from, to, scope, kind, n: want });
				checked += want;
			}
		}
		expect(checked).toBeGreaterThan(100);
	});

	it('count the members of every whole week exactly, from the per-week counts', async () => {
		const { members, ancestors } = await truth();
		const stored = await t.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM impact_active a
			WHERE a.members <> (SELECT count(*) FROM impact_member m WHERE m.kind = a.kind AND m.area_id = a.area_id
				AND m.model_id = a.model_id AND m.grain = a.grain AND m.bucket = a.bucket)`);
		expect(stored[0].n).toBe(0);
		for (const scope of [
			{ areaId: null, modelId: null },
			{ areaId: history.district.id, modelId: null },
			{ areaId: null, modelId: history.green.id }
		]) {
			const first = weekStart(history.firstDay);
			const last = addDays(first, 7 * 7);
			const got = await activeByBucket(t.db, scope, ['student', 'household'], 'week', first, last);
			for (let week = first; week <= last; week = addDays(week, 7))
				for (const kind of ['student', 'household'] as const) {
					const want = new Set(
						members
							.filter(
								(m) =>
									m.kind === kind &&
									weekStart(m.day) === week &&
									(scope.areaId === null || ancestors.get(m.area)!.includes(scope.areaId)) &&
									(scope.modelId === null || m.model === scope.modelId)
							)
							.map((m) => key(m.area, m.model, m.member))
					).size;
					const n = got.find((g) => g.kind === kind && g.bucket === week)?.n ?? 0;
					expect({ scope, week, kind, n }).toEqual({ scope, week, kind, n: want });
				}
		}
	});

	it('rebuild in bulk to exactly what the triggers kept, row for row', async () => {
		const before = await snapshot();
		await rebuildImpactRollups(t.db);
		expect(await snapshot()).toEqual(before);
	});

	it('keep the area tree closure when an area moves', async () => {
		const ward = history.wards[2];
		await t.db.run(sql`UPDATE area SET parent_id = ${history.district.id} WHERE id = ${ward.id}`);
		const rows = await t.db.select().from(areaClosure).where(eq(areaClosure.areaId, ward.id));
		expect(rows.map((r) => r.ancestorId).sort((a, b) => a - b)).toEqual(
			[history.city.id, history.district.id, ward.id].sort((a, b) => a - b)
		);
	});

	it('are kept by triggers a later migration could drop with its table', async () => {
		const triggers = await t.db.all<{ name: string }>(
			sql`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'impact_%' ORDER BY name`
		);
		expect(triggers.map((r) => r.name)).toEqual([
			'impact_action_log_insert',
			'impact_action_log_link',
			'impact_area_insert',
			'impact_area_move',
			'impact_ledger_entry',
			'impact_member_count'
		]);
	});
});
