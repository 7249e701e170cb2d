import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../../../../../../tests/helpers/db';
import { seedDemoStructure } from './structure';
import { seedPledgesDemo } from './pledges';
import { badgeAward, ledgerEntry } from '../../schema';
import { dueToday, listMyPledges, personStreak } from '$lib/server/pledges/queries';
import { PLEDGE_BADGE } from '$lib/domain/badges';

const t = await createTestDb();

describe('pledges demo', () => {
	it('seeds three weeks: streaks healed by grace days, one kept pledge with bonus and badge', async () => {
		const ctx = await seedDemoStructure(t.db, new Date('2026-11-28T05:00:00Z'));
		await seedPledgesDemo(t.db, ctx);

		const mine = await listMyPledges(t.db, ctx.studentId, ctx.today);
		const bottle = mine.personal.find((p) => p.item === 'bottle')!;
		expect(bottle).toMatchObject({ state: 'active', daysCheckedIn: 19, canCheckInToday: true });
		expect(bottle.streak).toMatchObject({ current: 19, graceUsed: 1 });
		expect(mine.personal.find((p) => p.item === 'lunchbox')).toMatchObject({ state: 'completed' });
		expect(mine.household[0]).toMatchObject({ item: 'bag', checkedToday: true });
		expect(mine.household[0].streak.graceUsed).toBe(1);
		expect((await personStreak(t.db, ctx.studentId, ctx.today)).current).toBeGreaterThan(14);

		const bonuses = await t.db
			.select()
			.from(ledgerEntry)
			.where(and(eq(ledgerEntry.sourceKind, 'bonus'), eq(ledgerEntry.personId, ctx.studentId)));
		expect(bonuses).toHaveLength(1);
		const badges = await t.db
			.select()
			.from(badgeAward)
			.where(and(eq(badgeAward.badge, PLEDGE_BADGE), eq(badgeAward.userId, ctx.studentId)));
		expect(badges).toHaveLength(1);
		expect((await dueToday(t.db, ctx.studentId, ctx.today)).map((d) => d.item).sort()).toEqual([
			'bottle',
			'cup'
		]);
	});
});
