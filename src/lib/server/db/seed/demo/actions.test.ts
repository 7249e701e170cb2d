import { and, eq, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../../../tests/helpers/db';
import { actionLog, action, badgeAward, challenge, classGoal, ledgerEntry, rollup } from '../../schema';
import { expectRollupsEqualLedger } from '../../../../../../tests/helpers/ledger-recount';
import { challengeState } from '$lib/server/actions/challenges';
import { listGoals } from '$lib/server/actions/goals';
import { seedDemoStructure } from './structure';
import { seedActionsDemo } from './actions';

const t = await createTestDb();

describe('actions demo', () => {
	it('seeds four weeks of capped logs, challenges, goals, voids and badges', async () => {
		const ctx = await seedDemoStructure(t.db, new Date('2026-11-28T05:00:00Z'));
		await seedActionsDemo(t.db, ctx);

		const logs = await t.db
			.select({ log: actionLog, cap: action.dailyCap })
			.from(actionLog)
			.innerJoin(action, eq(action.id, actionLog.actionId));
		expect(logs.length).toBeGreaterThan(250);
		const perDay = new Map<string, number>();
		for (const { log } of logs) {
			const k = `${log.mode}:${log.mode === 'person' ? log.personId : log.householdId}:${log.actionId}:${log.localDay}`;
			perDay.set(k, (perDay.get(k) ?? 0) + log.count);
		}
		const caps = new Map(logs.map(({ log, cap }) => [log.actionId, cap]));
		for (const [k, used] of perDay) expect(used, k).toBeLessThanOrEqual(caps.get(Number(k.split(':')[2]))!);
		expect(logs.every(({ log }) => log.localDay <= ctx.today && log.createdAt <= ctx.now)).toBe(true);
		expect(logs.some(({ log }) => log.personId === ctx.studentId && log.localDay === ctx.today)).toBe(false);

		const challenges = await t.db.select().from(challenge);
		const states = challenges.map((c) => challengeState(c, ctx.today));
		expect(states.sort()).toEqual(['finished', 'running', 'running', 'running']);
		// The finished one is settled; 6A1's own week overlaps the school's lunch challenge, and both count its logs.
		expect(challenges.filter((c) => c.settledOn !== null).map((c) => c.endDay < ctx.today)).toEqual([true]);
		const counted = await t.db
			.select()
			.from(rollup)
			.where(
				and(
					eq(rollup.scopeKind, 'class'),
					eq(rollup.scopeId, ctx.classIds[0]),
					eq(rollup.periodKind, 'challenge')
				)
			);
		expect(counted.length).toBe(3);
		await expectRollupsEqualLedger(t.db);
		const reversals = await t.db.select().from(ledgerEntry).where(isNotNull(ledgerEntry.reverses));
		expect(reversals).toHaveLength(2);
		expect(reversals.every((r) => (r.reason ?? '').length > 5)).toBe(true);

		const mine = await t.db.select().from(badgeAward).where(eq(badgeAward.userId, ctx.studentId));
		expect(mine.map((b) => b.badge)).toEqual(
			expect.arrayContaining(['first_action', 'streak_7', 'points_100', 'points_500'])
		);
		expect(
			await t.db
				.select()
				.from(badgeAward)
				.where(and(eq(badgeAward.badge, 'challenge_winner')))
		).not.toHaveLength(0);
		const goals = await listGoals(t.db, ctx.classIds[0], ctx.today);
		expect(goals[0]).toMatchObject({ state: 'open' });
		expect(goals[0].percent).toBeGreaterThan(20);
		expect(goals[0].percent).toBeLessThan(100);
		const [reached] = await t.db.select().from(classGoal).where(eq(classGoal.classId, ctx.classIds[1]));
		expect(reached.reachedOn).not.toBeNull();
		// A hang guard, not a speed check: the whole demo takes 40 s on a crowded 2-core machine.
	}, 120_000);
});
