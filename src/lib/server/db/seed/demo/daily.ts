import { action } from '../../schema';
import { logAction } from '$lib/server/actions/actions';
import { getTotals } from '$lib/server/ledger/ledger';
import { BADGE_RULES } from '$lib/rules/badges';
import { addDays } from '$lib/utils/dates';
import type { DemoSeeder } from './index';

const TZ = 'Asia/Ho_Chi_Minh';
/** How close to the next points badge the demo student ends up (so /me shows "còn … điểm"). */
const NEAR = 20;
/** Tried in this order on the student's earlier days, each up to its daily cap. */
const TOP_UP = ['own-bottle', 'lunch-box', 'own-cup', 'refuse-bag', 'no-straw'];
/** Logged by the demo student, for yesterday, as the demo is made: it can be undone for a few minutes. */
const JUST_LOGGED = 'refuse-bag';

/**
 * The daily path's demo, written through the same service as a tap on /today: the demo student's
 * earlier days get a few more logs (within caps) so they end a little short of their next points
 * badge, and one log for yesterday made just now, which they can still undo on /today.
 */
export const seedDailyDemo: DemoSeeder = async (db, ctx) => {
	const acts = await db.select({ id: action.id, code: action.code, points: action.points }).from(action);
	const byCode = new Map(acts.map((a) => [a.code ?? '', a]));
	const just = byCode.get(JUST_LOGGED)!;
	let points = (await getTotals(db, 'person', ctx.studentId)).points;
	const milestone = BADGE_RULES.pointMilestones.find((m) => m > points + just.points);
	let n = 0;
	const log = (code: string, day: string, at: Date) =>
		logAction(
			db,
			ctx.studentId,
			{ actionId: byCode.get(code)!.id, count: 1, day, mode: 'person', idempotencyKey: `demo-daily-${++n}` },
			at,
			TZ
		);

	if (milestone)
		for (let back = 27; back >= 2 && milestone - points - just.points > NEAR; back--) {
			const day = addDays(ctx.today, -back);
			// In the evening of that day (local time), so the day is inside its own log window.
			const at = new Date(`${day}T12:00:00Z`);
			for (const code of TOP_UP) {
				const a = byCode.get(code)!;
				if (points + a.points + just.points >= milestone) continue;
				const r = await log(code, day, at);
				if (r.ok) points += r.points;
				if (milestone - points - just.points <= NEAR) break;
			}
		}
	await log(JUST_LOGGED, addDays(ctx.today, -1), ctx.now);
};
