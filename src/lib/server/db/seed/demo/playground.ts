import { eq } from 'drizzle-orm';
import type { DemoSeeder } from './index';
import {
	collectionPoint,
	collectionPointPlayground,
	collectionPointSteward,
	contribution,
	playground,
	playgroundComponent
} from '../../schema';
import { appendEntry } from '$lib/server/ledger/ledger';
import { getMemberships } from '$lib/server/access/membership';
import { addDays } from '$lib/utils/dates';
import { pointsFor, type Material } from '$lib/utils/playground';

/** A small deterministic generator, so the demo looks the same on every fresh database. */
function random(seed: number) {
	let s = seed;
	return () => {
		s = (s * 1103515245 + 12345) % 2147483648;
		return s / 2147483648;
	};
}

/**
 * The Liên Mạc recycled playground: four components, two collection points run by demo-steward,
 * five weeks of confirmed drop-offs from households and students (with class credit), one
 * announced drop-off waiting, one rejected with a reason, and the slide adopted by class 6A1.
 */
export const seedPlaygroundDemo: DemoSeeder = async (db, ctx) => {
	await db.transaction(async (tx) => {
		const [pg] = await tx
			.insert(playground)
			.values({
				modelId: ctx.modelIds.playground,
				areaId: ctx.areaId,
				name: 'Sân chơi tái chế Liên Mạc',
				description:
					'Chai nhựa, nắp chai và gạch sinh thái của cả xóm trở thành ghế, cầu trượt, hàng rào và bồn cây cho các em nhỏ.',
				state: 'collecting',
				createdBy: ctx.organiserId
			})
			.returning();
		const parts = await tx
			.insert(playgroundComponent)
			.values([
				{
					playgroundId: pg.id,
					name: 'Ghế băng',
					materials: 'pet_bottles',
					targetGrams: 120_000,
					position: 0
				},
				{
					playgroundId: pg.id,
					name: 'Cầu trượt',
					materials: 'hdpe,bottle_caps',
					targetGrams: 150_000,
					position: 1,
					adoptedByClassId: ctx.classIds[0],
					adoptedAt: ctx.now
				},
				{ playgroundId: pg.id, name: 'Hàng rào', materials: 'ecobricks', targetItems: 120, position: 2 },
				{
					playgroundId: pg.id,
					name: 'Bồn cây',
					materials: 'pet_bottles,soft_plastic,other',
					targetGrams: 60_000,
					position: 3
				}
			])
			.returning({ id: playgroundComponent.id });
		const [bench, slide, fence, planters] = parts.map((p) => p.id);
		const points = await tx
			.insert(collectionPoint)
			.values([
				{
					name: 'Trường THCS Liên Mạc',
					kind: 'school',
					openingHours: 'Thứ Hai – Thứ Sáu, 7:00–7:30 và 16:30–17:30',
					areaId: ctx.areaId,
					schoolId: ctx.schoolId
				},
				{
					name: 'Chùa Đình Quán',
					kind: 'pagoda',
					openingHours: 'Chủ nhật, 8:00–11:00',
					address: 'Đình Quán, Bắc Từ Liêm',
					areaId: ctx.areaId,
					neighbourhoodId: ctx.neighbourhoodId
				}
			])
			.returning({ id: collectionPoint.id });
		for (const p of points) {
			await tx.insert(collectionPointPlayground).values({ pointId: p.id, playgroundId: pg.id });
			await tx.insert(collectionPointSteward).values({ pointId: p.id, userId: ctx.stewardId });
		}
		const [school, pagoda] = points.map((p) => p.id);

		const rnd = random(42);
		const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
		const students = ctx.studentsByClass.flat();
		const memberships = new Map<number, Awaited<ReturnType<typeof getMemberships>>>();
		for (const s of students) memberships.set(s, await getMemberships(tx, s));

		async function confirmed(
			day: string,
			who: { studentId?: number; householdId?: number },
			material: Material,
			grams: number,
			extra: { count?: number; volumeMl?: number; componentId?: number } = {}
		) {
			const m = who.studentId ? memberships.get(who.studentId)! : null;
			const householdId = who.householdId ?? m?.householdId ?? null;
			const at = new Date(
				`${day}T0${2 + Math.floor(rnd() * 7)}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00Z`
			);
			const points = pointsFor(material, grams);
			const [row] = await tx
				.insert(contribution)
				.values({
					playgroundId: pg.id,
					pointId: who.studentId ? school : pagoda,
					componentId: extra.componentId ?? null,
					material,
					grams,
					itemCount: extra.count ?? null,
					volumeMl: extra.volumeMl ?? null,
					householdId,
					studentId: who.studentId ?? null,
					classId: m?.classId ?? null,
					status: 'confirmed',
					points,
					localDay: day,
					recordedBy: ctx.stewardId,
					decidedAt: at,
					createdBy: ctx.stewardId,
					createdAt: at
				})
				.returning({ id: contribution.id });
			const entry = await appendEntry(tx, {
				localDay: day,
				points,
				gramsCollected: grams,
				sourceKind: 'contribution',
				sourceId: row.id,
				actorId: ctx.stewardId,
				personId: who.studentId ?? null,
				classId: m?.classId ?? null,
				householdId,
				createdAt: at
			});
			await tx.update(contribution).set({ ledgerEntryId: entry.id }).where(eq(contribution.id, row.id));
		}

		// Five weeks, ending yesterday (today's list stays the steward's own).
		for (let back = 35; back >= 1; back--) {
			const day = addDays(ctx.today, -back);
			const dropOffs = back % 7 === 3 ? 4 : rnd() < 0.45 ? 1 + Math.floor(rnd() * 2) : 0;
			for (let i = 0; i < dropOffs; i++) {
				const roll = rnd();
				if (roll < 0.45) {
					const studentId = pick(students);
					const inSixA1 = ctx.studentsByClass[0].includes(studentId);
					if (inSixA1 && rnd() < 0.6)
						await confirmed(
							day,
							{ studentId },
							pick(['hdpe', 'bottle_caps'] as const),
							300 + Math.round(rnd() * 1700),
							{ componentId: slide }
						);
					else
						await confirmed(day, { studentId }, 'pet_bottles', 500 + Math.round(rnd() * 2000), {
							componentId: bench
						});
				} else if (roll < 0.65) {
					const bricks = 2 + Math.floor(rnd() * 3);
					await confirmed(
						day,
						{ householdId: pick(ctx.householdIds) },
						'ecobricks',
						bricks * (600 + Math.round(rnd() * 120)),
						{ count: bricks, volumeMl: 1500, componentId: fence }
					);
				} else if (roll < 0.85) {
					await confirmed(
						day,
						{ householdId: pick(ctx.householdIds) },
						pick(['pet_bottles', 'soft_plastic'] as const),
						800 + Math.round(rnd() * 3200),
						{ componentId: planters }
					);
				} else {
					await confirmed(
						day,
						{ householdId: pick(ctx.householdIds) },
						pick(['soft_plastic', 'other', 'pet_bottles'] as const),
						400 + Math.round(rnd() * 1500)
					);
				}
			}
		}

		// Waiting for the steward: the demo family announced bottles for Sunday at the pagoda.
		await tx.insert(contribution).values({
			playgroundId: pg.id,
			pointId: pagoda,
			componentId: bench,
			material: 'pet_bottles',
			grams: 600,
			gramsEstimated: true,
			itemCount: 60,
			householdId: ctx.householdIds[0],
			status: 'announced',
			localDay: ctx.today,
			announcedBy: ctx.familyId,
			createdBy: ctx.familyId
		});
		await tx.insert(contribution).values({
			playgroundId: pg.id,
			pointId: pagoda,
			material: 'soft_plastic',
			grams: 2500,
			householdId: ctx.householdIds[1],
			status: 'rejected',
			reason: 'Túi nilon còn dính thức ăn: rửa sạch, phơi khô rồi mang lại nhé.',
			localDay: addDays(ctx.today, -4),
			announcedBy: ctx.teacherId,
			recordedBy: ctx.stewardId,
			decidedAt: new Date(`${addDays(ctx.today, -4)}T03:00:00Z`),
			createdBy: ctx.teacherId
		});
	});
};
