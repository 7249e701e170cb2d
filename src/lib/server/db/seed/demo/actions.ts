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
import { challengeCredits } from '$lib/server/actions/challenges';
import { settleDueChallenges } from '$lib/server/actions/consequences';
import { checkClassGoals } from '$lib/server/actions/goals';
import { addDays } from '$lib/utils/dates';
import { prng } from '$lib/utils/prng';
import type { DemoSeeder } from './index';
import { demoChallenges, HOUSEHOLD_WEIGHTS, STUDENT_WEIGHTS } from './actions-data';
import { awardDemoBadges } from './actions-badges';

const DAYS = 28;
const VN_OFFSET_MS = 7 * 3600_000;

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
		const plan = demoChallenges(ctx);
		const finished = await makeChallenge(...plan.finished);
		const running = await makeChallenge(...plan.running);
		const overlapping = await makeChallenge(...plan.overlapping);
		const street = await makeChallenge(...plan.street);

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
