import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld } from '../../../../tests/helpers/factories';
import { action } from '$lib/server/db/schema';
import { BADGE_RULES } from '$lib/rules/badges';
import { logAction } from './actions';
import { awardBadge, badgeProgressOf, freshBadgesOf } from './badges';
import { undoOwnEntry } from './undo';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
let n = 0;
const key = () => `progress-key-${++n}-abcdef`;
const idOf = async (code: string) =>
	(await t.db.select({ id: action.id }).from(action).where(eq(action.code, code)))[0].id;
const at = (day: string) => new Date(`${day}T05:00:00Z`);

describe('badge progress on /me', () => {
	it('counts points and the live streak, its class’s badges, and which badges are new', async () => {
		const w = await makeStudentWorld(t.db);
		const litter = await idOf('pick-litter'); // 15 points
		for (const day of ['2026-11-24', '2026-11-25', '2026-11-26'])
			await logAction(
				t.db,
				w.student.id,
				{ actionId: litter, count: 1, day, mode: 'person', idempotencyKey: key() },
				at(day),
				TZ
			);
		await awardBadge(t.db, 'class_goal', { classId: w.cls.id }, 'goal-1', at('2026-11-26'));

		const p = await badgeProgressOf(t.db, w.student.id, '2026-11-27', at('2026-11-26'));
		const by = new Map(p.ladder.map((s) => [s.badge, s]));
		expect(by.get('points_100')).toMatchObject({ next: true, progress: { have: 45, need: 100 } });
		// Today has no log yet: the run through yesterday is still alive.
		expect(by.get('streak_7')).toMatchObject({
			next: true,
			progress: { have: 3, need: BADGE_RULES.streakDays }
		});
		expect(by.get('first_action')).toMatchObject({ earned: true });
		expect(by.get('class_goal')).toMatchObject({ earned: true });
		expect(p.fresh).toEqual(['class_goal']);
		// /today celebrates the person's own badges, and only for a few minutes.
		expect(await freshBadgesOf(t.db, w.student.id, at('2026-11-24'))).toEqual(['first_action']);
		expect(await freshBadgesOf(t.db, w.student.id, at('2026-11-26'))).toEqual([]);
		// Two days without a log break the streak.
		const later = await badgeProgressOf(t.db, w.student.id, '2026-11-29', at('2026-11-29'));
		expect(later.ladder.find((s) => s.badge === 'streak_7')?.progress?.have).toBe(0);
	});

	it('leaves an undone log out of the streak', async () => {
		const w = await makeStudentWorld(t.db);
		const straw = await idOf('no-straw');
		const r = await logAction(
			t.db,
			w.student.id,
			{ actionId: straw, count: 1, day: '2026-11-27', mode: 'person', idempotencyKey: key() },
			at('2026-11-27'),
			TZ
		);
		if (!r.ok) throw new Error(r.error);
		await undoOwnEntry(t.db, w.student.id, r.entryId, at('2026-11-27'));
		const p = await badgeProgressOf(t.db, w.student.id, '2026-11-27', at('2026-11-27'));
		expect(p.ladder.find((s) => s.badge === 'streak_7')?.progress?.have).toBe(0);
		expect(p.ladder.find((s) => s.badge === 'points_100')?.progress?.have).toBe(0);
	});
});
