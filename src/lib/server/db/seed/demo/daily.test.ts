import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../../../tests/helpers/db';
import { expectRollupsEqualLedger } from '../../../../../../tests/helpers/ledger-recount';
import { getTotals } from '$lib/server/ledger/ledger';
import { undoableEntries } from '$lib/server/actions/undo';
import { BADGE_RULES } from '$lib/rules/badges';
import { seedDemoStructure } from './structure';
import { seedPledgesDemo } from './pledges';
import { seedActionsDemo } from './actions';
import { seedDailyDemo } from './daily';

const t = await createTestDb();

describe('daily path demo', () => {
	it('leaves the demo student a little short of a points badge, with a log they can still undo', async () => {
		const ctx = await seedDemoStructure(t.db, new Date('2026-11-30T03:00:00Z'));
		await seedPledgesDemo(t.db, ctx);
		await seedActionsDemo(t.db, ctx);
		const todayBefore = await getTotals(t.db, 'person', ctx.studentId, 'day', ctx.today);
		await seedDailyDemo(t.db, ctx);

		const { points } = await getTotals(t.db, 'person', ctx.studentId);
		const next = BADGE_RULES.pointMilestones.find((m) => m > points)!;
		expect(next - points).toBeGreaterThan(0);
		expect(next - points).toBeLessThanOrEqual(20);
		const undoable = await undoableEntries(t.db, ctx.studentId, ctx.now);
		expect(undoable).toHaveLength(1);
		expect(undoable[0]).toMatchObject({ nameEn: 'Refused a plastic bag', localDay: '2026-11-29' });
		// Nothing more for today: a newcomer taps today's buttons themself.
		expect(await getTotals(t.db, 'person', ctx.studentId, 'day', ctx.today)).toEqual(todayBefore);
		await expectRollupsEqualLedger(t.db);
	});
});
