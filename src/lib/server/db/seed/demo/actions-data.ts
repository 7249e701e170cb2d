import type { challenge } from '../../schema';
import { addDays } from '$lib/utils/dates';
import type { DemoContext } from './structure';

/** How likely each action is on a school day for a student / for a household (relative weights). */
export const STUDENT_WEIGHTS: Record<string, number> = {
	'own-bottle': 9,
	'lunch-box': 6,
	'refuse-bag': 4,
	'no-straw': 4,
	'refill-bottle': 5,
	'own-cup': 2,
	'sort-waste': 2,
	'pick-litter': 1
};
export const HOUSEHOLD_WEIGHTS: Record<string, number> = {
	'refuse-bag': 8,
	'sort-waste': 7,
	'own-cup': 4,
	'no-straw': 3,
	'own-bottle': 2,
	'lunch-box': 2,
	'refill-bottle': 2,
	'pick-litter': 1
};

/** One demo challenge: its row, its actions with their points, and who takes part. */
export type DemoChallenge = [
	typeof challenge.$inferInsert,
	[string, number][],
	{ classId?: number; neighbourhoodId?: number }[]
];

/**
 * The demo's challenges: one finished and one running class challenge, a class challenge for 6A1
 * alone that overlaps the running one, and a running neighbourhood challenge.
 */
export function demoChallenges(
	ctx: DemoContext
): Record<'finished' | 'running' | 'overlapping' | 'street', DemoChallenge> {
	const { today } = ctx;
	const bothClasses = ctx.classIds.map((classId) => ({ classId }));
	return {
		finished: [
			{
				title: 'Tuần lễ bình nước',
				description: 'Mỗi ngày mang bình nước riêng đến trường, rót đầy lại thay vì mua chai mới.',
				scope: 'class',
				startDay: addDays(today, -20),
				endDay: addDays(today, -14),
				createdBy: ctx.teacherId
			},
			[
				['own-bottle', 15],
				['refill-bottle', 10]
			],
			bothClasses
		],
		running: [
			{
				title: 'Bữa trưa không hộp xốp',
				description: 'Mang hộp cơm, từ chối túi nilon và ống hút trong hai tuần.',
				scope: 'class',
				startDay: addDays(today, -6),
				endDay: addDays(today, 7),
				createdBy: ctx.teacherId
			},
			[
				['lunch-box', 15],
				['refuse-bag', 5],
				['no-straw', 5],
				['own-bottle', 10]
			],
			bothClasses
		],
		// 6A1's own week, started while the school-wide one runs: logs count in both.
		overlapping: [
			{
				title: 'Tuần lễ không túi nilon 6A1',
				description: 'Cả lớp 6A1 từ chối túi nilon và mang hộp cơm trong một tuần.',
				scope: 'class',
				startDay: addDays(today, -3),
				endDay: addDays(today, 3),
				createdBy: ctx.teacherId
			},
			[
				['refuse-bag', 10],
				['lunch-box', 10]
			],
			[{ classId: ctx.classIds[0] }]
		],
		street: [
			{
				title: 'Khu phố nói không với túi nilon',
				description: 'Các hộ thi đua từ chối túi nilon, dùng cốc riêng và phân loại rác tại nguồn.',
				scope: 'neighbourhood',
				neighbourhoodId: ctx.neighbourhoodId,
				modelId: ctx.modelIds.residential,
				startDay: addDays(today, -10),
				endDay: addDays(today, 10),
				createdBy: ctx.stewardId
			},
			[
				['refuse-bag', 8],
				['own-cup', 10],
				['sort-waste', 12]
			],
			[{ neighbourhoodId: ctx.neighbourhoodId }]
		]
	};
}
