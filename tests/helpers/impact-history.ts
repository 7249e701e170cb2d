/**
 * The randomised history the impact rollup tests run on (src/lib/server/impact/rollups.test.ts);
 * impact-truth.ts works out what the rollups should hold for it.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import { makeArea, makeClass, makeHousehold, makeNeighbourhood, makeSchool, makeUser } from './factories';
import { makePlaygroundWorld } from './playground-factories';
import {
	action,
	actionLog,
	communityModel,
	contribution,
	ledgerEntry,
	neighbourhood,
	school
} from '../../src/lib/server/db/schema';
import { logAction } from '../../src/lib/server/actions/actions';
import { checkIn, createPledge } from '../../src/lib/server/pledges/pledges';
import { appendEntry, voidEntry } from '../../src/lib/server/ledger/ledger';
import { addDays, localDay } from '../../src/lib/utils/dates';
export { prng } from '../../src/lib/utils/prng';

const TZ = 'Asia/Ho_Chi_Minh';
const START = Date.parse('2026-01-05T03:00:00Z');

export const key = (...parts: (string | number)[]) => parts.join('|');

/**
 * Two wards with a school and neighbourhoods each, a third ward under another district, two models,
 * students in classes and households, adults, a playground: then ~50 days of logs (some for
 * yesterday after today), pledge check-ins, drop-offs written in the order the demo writes them,
 * and voids of all kinds.
 */
export async function makeImpactHistory(db: Db, random: () => number) {
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
	const [green] = await db.select().from(communityModel).where(eq(communityModel.code, 'green-school'));
	const [resid] = await db.select().from(communityModel).where(eq(communityModel.code, 'residential-area'));
	const city = await makeArea(db);
	const district = await makeArea(db, { parentId: city.id });
	const otherDistrict = await makeArea(db, { parentId: city.id });
	const wards = [
		await makeArea(db, { parentId: district.id }),
		await makeArea(db, { parentId: district.id }),
		await makeArea(db, { parentId: otherDistrict.id })
	];
	const schools = [
		await makeSchool(db, { areaId: wards[0].id }),
		await makeSchool(db, { areaId: wards[2].id })
	];
	await db.update(school).set({ modelId: green.id }).where(eq(school.id, schools[0].id));
	const nbs = [
		await makeNeighbourhood(db, { areaId: wards[0].id }),
		await makeNeighbourhood(db, { areaId: wards[1].id }),
		await makeNeighbourhood(db, { areaId: wards[2].id })
	];
	await db.update(neighbourhood).set({ modelId: resid.id }).where(eq(neighbourhood.id, nbs[0].id));
	await db.update(neighbourhood).set({ modelId: green.id }).where(eq(neighbourhood.id, nbs[1].id));

	type Person = Awaited<ReturnType<typeof makeUser>>;
	const students: Person[] = [];
	for (let i = 0; i < 8; i++) students.push(await makeUser(db, { roles: ['student'] }));
	const classes = [
		await makeClass(db, { schoolId: schools[0].id, studentIds: students.slice(0, 3).map((s) => s.id) }),
		await makeClass(db, { schoolId: schools[0].id, studentIds: students.slice(3, 5).map((s) => s.id) }),
		await makeClass(db, { schoolId: schools[1].id, studentIds: students.slice(5).map((s) => s.id) })
	];
	const adults: Person[] = [];
	for (let i = 0; i < 5; i++) adults.push(await makeUser(db, { roles: ['household'] }));
	const households: Awaited<ReturnType<typeof makeHousehold>>[] = [];
	for (let i = 0; i < 5; i++) {
		households.push(
			await makeHousehold(db, {
				neighbourhoodId: nbs[i % 3].id,
				adultIds: [adults[i].id],
				studentIds: students.filter((_, j) => j % 6 === i).map((s) => s.id)
			})
		);
	}
	const acts = await db.select().from(action);
	const pg = await makePlaygroundWorld(db);

	let n = 0;
	const idem = () => `impact-test-${++n}`;
	const pledges: { id: number; user: number }[] = [];
	for (const s of students.slice(0, 4)) {
		const r = await createPledge(
			db,
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
		db,
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
						db,
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
						db,
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
					db,
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
			const [c] = await db
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
			await db.transaction(async (tx) => {
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
			const [victim] = await db
				.select({ id: ledgerEntry.id })
				.from(ledgerEntry)
				.where(
					sql`${ledgerEntry.sourceKind} <> 'reversal' AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses = ${ledgerEntry.id})`
				)
				.orderBy(sql`random()`)
				.limit(1);
			if (victim)
				await db.transaction((tx) =>
					voidEntry(tx, { entryId: victim.id, actorId: adults[0].id, reason: 'test' })
				);
		}
	}
	return { city, district, wards, green, resid, firstDay: localDay(new Date(START), TZ) };
}
