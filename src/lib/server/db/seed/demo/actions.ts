import { and, eq, gte, sql } from 'drizzle-orm';
import {
	action,
	actionLog,
	challenge,
	challengeAction,
	challengeParticipant,
	classGoal,
	impactFactor,
	ledgerEntry
} from '../../schema';
import { appendEntry, voidEntry } from '$lib/server/ledger/ledger';
import { awardBadge, hasRun } from '$lib/server/actions/badges';
import { challengeCredits } from '$lib/server/actions/challenges';
import { settleDueChallenges } from '$lib/server/actions/consequences';
import { BADGE_RULES } from '$lib/rules/badges';
import type { Tx } from '../../client';
import { checkClassGoals } from '$lib/server/actions/goals';
import { addDays } from '$lib/utils/dates';
import { prng } from '$lib/utils/prng';
import type { DemoSeeder } from './index';

const DAYS = 28;
const VN_OFFSET_MS = 7 * 3600_000;

/** How likely each action is on a school day for a student / for a household (relative weights). */
const STUDENT_WEIGHTS: Record<string, number> = {
	'own-bottle': 9,
	'lunch-box': 6,
	'refuse-bag': 4,
	'no-straw': 4,
	'refill-bottle': 5,
	'own-cup': 2,
	'sort-waste': 2,
	'pick-litter': 1
};
const HOUSEHOLD_WEIGHTS: Record<string, number> = {
	'refuse-bag': 8,
	'sort-waste': 7,
	'own-cup': 4,
	'no-straw': 3,
	'own-bottle': 2,
	'lunch-box': 2,
	'refill-bottle': 2,
	'pick-litter': 1
};

interface Ch {
	id: number;
	start: string;
	end: string;
	actions: Map<number, number>;
}

/**
 * Four weeks of action logs ending today for the demo classes and households, with one finished and
 * one running class challenge, a class challenge for 6A1 alone that overlaps the running one (a
 * lunch box counts in both), a running neighbourhood challenge, class goals (one reached, one in
 * progress), two voided entries with reasons and the badges all that earns. One transaction.
 */
export const seedActionsDemo: DemoSeeder = async (db, ctx) => {
	const random = prng(4_2026);
	const { today, now } = ctx;
	const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS);

	await db.transaction(async (tx) => {
		const acts = await tx
			.select({
				id: action.id,
				code: action.code,
				points: action.points,
				cap: action.dailyCap,
				grams: impactFactor.grams
			})
			.from(action)
			.innerJoin(impactFactor, eq(impactFactor.id, action.impactFactorId));
		const byCode = new Map(acts.map((a) => [a.code ?? '', a]));
		const id = (code: string) => byCode.get(code)!.id;

		async function makeChallenge(
			values: typeof challenge.$inferInsert,
			actions: [string, number][],
			participants: { classId?: number; neighbourhoodId?: number }[]
		): Promise<Ch> {
			const [row] = await tx.insert(challenge).values(values).returning({ id: challenge.id });
			await tx
				.insert(challengeAction)
				.values(actions.map(([code, points]) => ({ challengeId: row.id, actionId: id(code), points })));
			await tx.insert(challengeParticipant).values(participants.map((p) => ({ challengeId: row.id, ...p })));
			return {
				id: row.id,
				start: values.startDay,
				end: values.endDay,
				actions: new Map(actions.map(([c, p]) => [id(c), p]))
			};
		}
		const bothClasses = ctx.classIds.map((classId) => ({ classId }));
		const finished = await makeChallenge(
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
		);
		const running = await makeChallenge(
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
		);
		// 6A1's own week, started while the school-wide one runs: logs count in both.
		const overlapping = await makeChallenge(
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
		);
		const street = await makeChallenge(
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
		);

		const householdOf = new Map<number, number>();
		// Students who live in demo households (structure.ts links these five).
		const links: [number, number][] = [
			[ctx.studentId, 0],
			[ctx.studentsByClass[0][1], 1],
			[ctx.studentsByClass[1][0], 2],
			[ctx.studentsByClass[0][2], 3],
			[ctx.studentsByClass[1][1], 5]
		];
		for (const [s, h] of links) householdOf.set(s, ctx.householdIds[h]);

		const entries: {
			id: number;
			personId: number;
			classId: number | null;
			householdId: number | null;
			day: string;
		}[] = [];
		const logs: (typeof actionLog.$inferInsert & { id: number; points: number })[] = [];
		// Log ids are handed out here so each ledger entry can name its source row before the rows
		// are written in a few batched inserts (this transaction is the only writer).
		const [{ maxId }] = await tx
			.select({ maxId: sql<number>`coalesce(max(${actionLog.id}), 0)` })
			.from(actionLog);
		let nextLogId = Number(maxId) + 1;
		async function log(opts: {
			personId: number;
			classId: number | null;
			householdId: number | null;
			mode: 'person' | 'household';
			code: string;
			count: number;
			day: string;
			challenges: Ch[];
		}) {
			const a = byCode.get(opts.code)!;
			const running = opts.challenges.filter((c) => opts.day >= c.start && opts.day <= c.end);
			const credits = challengeCredits(running, a.id, opts.count);
			// Logged between 06:30 and 20:30 local time, never in the future.
			let createdAt = new Date(dayStart(opts.day).getTime() + (6.5 + random() * 14) * 3600_000);
			if (createdAt > now) createdAt = new Date(now.getTime() - Math.floor(random() * 3600_000));
			const logId = nextLogId++;
			const e = await appendEntry(tx, {
				localDay: opts.day,
				points: a.points * opts.count,
				gramsAvoided: a.grams * opts.count,
				sourceKind: 'action',
				sourceId: logId,
				actorId: opts.personId,
				personId: opts.personId,
				classId: opts.classId,
				householdId: opts.householdId,
				credits,
				createdAt
			});
			logs.push({
				id: logId,
				actionId: a.id,
				mode: opts.mode,
				actorId: opts.personId,
				personId: opts.personId,
				classId: opts.classId,
				householdId: opts.householdId,
				localDay: opts.day,
				count: opts.count,
				ledgerEntryId: e.id,
				createdAt,
				points: e.points
			});
			entries.push({
				id: e.id,
				personId: opts.personId,
				classId: opts.classId,
				householdId: opts.householdId,
				day: opts.day
			});
		}

		function pickActions(weights: Record<string, number>, n: number): string[] {
			const pool = Object.entries(weights);
			const chosen = new Set<string>();
			while (chosen.size < n) {
				let r = random() * pool.reduce((s, [, w]) => s + w, 0);
				for (const [code, w] of pool)
					if ((r -= w) <= 0) {
						chosen.add(code);
						break;
					}
			}
			return [...chosen];
		}

		const students = ctx.classIds.flatMap((classId, i) =>
			ctx.studentsByClass[i].map((s) => ({ s, classId }))
		);
		const keenness = new Map(
			students.map(({ s }) => [s, s === ctx.studentId ? 0.97 : 0.25 + random() * 0.5])
		);
		for (let back = DAYS - 1; back >= 0; back--) {
			const day = addDays(today, -back);
			const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
			const weekend = weekday === 0 || weekday === 6;
			for (const { s, classId } of students) {
				// The demo student leaves today free, so a newcomer can tap the buttons themselves.
				if (s === ctx.studentId && back === 0) continue;
				if (random() > keenness.get(s)! * (weekend && s !== ctx.studentId ? 0.55 : 1)) continue;
				for (const code of pickActions(
					STUDENT_WEIGHTS,
					s === ctx.studentId ? 2 + Math.floor(random() * 2) : 1 + Math.floor(random() * 1.6)
				)) {
					const cap = byCode.get(code)!.cap;
					const count = random() < 0.8 ? 1 : Math.min(cap, 2);
					await log({
						personId: s,
						classId,
						householdId: householdOf.get(s) ?? null,
						mode: 'person',
						code,
						count,
						day,
						challenges: classId === ctx.classIds[0] ? [running, finished, overlapping] : [running, finished]
					});
				}
			}
			for (const [hi, hid] of ctx.householdIds.entries()) {
				if (hi === 0 && back === 0) continue; // the demo family's today is left to them too
				if (random() > (weekend ? 0.75 : 0.5)) continue;
				const adult = ctx.adultsByHousehold[hi][0];
				for (const code of pickActions(HOUSEHOLD_WEIGHTS, 1 + Math.floor(random() * 1.4)))
					await log({
						personId: adult,
						classId: null,
						householdId: hid,
						mode: 'household',
						code,
						count: 1,
						day,
						challenges: [street]
					});
			}
		}

		for (let i = 0; i < logs.length; i += 200)
			await tx.insert(actionLog).values(logs.slice(i, i + 200).map(({ points: _p, ...row }) => row));
		await awardDemoBadges(tx, logs);

		// Two voids with reasons: one by the teacher on a demo-student entry, one by the steward on a household entry.
		// Recent ones, so they show near the top of the demo student's and household's lists.
		const mine = entries.filter((e) => e.personId === ctx.studentId && e.classId);
		const studentEntry = mine.findLast((e) => e.day <= addDays(today, -2)) ?? mine.at(-1);
		if (studentEntry)
			await voidEntry(tx, {
				entryId: studentEntry.id,
				actorId: ctx.teacherId,
				reason: 'Hôm đó em nghỉ học, cô/thầy huỷ giúp em mục này nhé.',
				now
			});
		const householdEntry = entries.findLast(
			(e) => e.classId === null && e.householdId === ctx.householdIds[3]
		);
		if (householdEntry)
			await voidEntry(tx, {
				entryId: householdEntry.id,
				actorId: ctx.stewardId,
				reason: 'Ghi trùng hai lần trong cùng buổi sáng.',
				now
			});

		// Goals: 7A2 already reached its refuse-bag goal; 6A1 is on its way to a points goal.
		const [c1, c2] = ctx.classIds;
		const [{ p: sofar }] = await tx
			.select({ p: sql<number>`coalesce(sum(${ledgerEntry.points}), 0)` })
			.from(ledgerEntry)
			.where(and(eq(ledgerEntry.classId, c1), gte(ledgerEntry.localDay, addDays(today, -9))));
		await tx.insert(classGoal).values([
			{
				classId: c1,
				metric: 'points',
				target: Math.max(500, Math.ceil((Number(sofar) * 1.8) / 100) * 100),
				startDay: addDays(today, -9),
				deadline: addDays(today, 12),
				createdBy: ctx.teacherId
			},
			{
				classId: c2,
				metric: 'action_count',
				actionId: id('refuse-bag'),
				target: 5,
				startDay: addDays(today, -12),
				deadline: addDays(today, 2),
				createdBy: ctx.teacherId
			}
		]);
		for (const c of ctx.classIds) await checkClassGoals(tx, c, today, now);
		await settleDueChallenges(tx, today, now);
	});
};

/**
 * The badges the demo history earns, worked out once from all its logs (the same rules as
 * `awardActionBadges`, which would cost a handful of queries per log): first action, the first
 * 7-day streak and each points milestone, dated when they were reached.
 */
async function awardDemoBadges(
	tx: Tx,
	logs: { personId?: number | null; localDay: string; createdAt: Date; points: number }[]
) {
	const byPerson = new Map<number, typeof logs>();
	for (const l of logs) if (l.personId) byPerson.set(l.personId, [...(byPerson.get(l.personId) ?? []), l]);
	for (const [userId, mine] of byPerson) {
		const ordered = [...mine].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
		await awardBadge(tx, 'first_action', { userId }, '', ordered[0].createdAt);
		const days: string[] = [];
		let points = 0;
		const reached = new Set<number>();
		for (const l of ordered) {
			days.push(l.localDay);
			if (days.length >= BADGE_RULES.streakDays && hasRun(days, BADGE_RULES.streakDays))
				await awardBadge(tx, 'streak_7', { userId }, '', l.createdAt);
			points += l.points;
			for (const m of BADGE_RULES.pointMilestones)
				if (points >= m && !reached.has(m)) {
					reached.add(m);
					await awardBadge(tx, `points_${m}`, { userId }, '', l.createdAt);
				}
		}
	}
}
