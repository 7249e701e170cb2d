import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { classStudent } from '$lib/server/db/schema';
import { listGoals } from '$lib/server/actions/goals';
import type { Period } from '$lib/utils/periods';
import {
	checkinsIn,
	groupWeeks,
	pledgesIn,
	standingsFor,
	studentsTakingPart,
	topActions
} from './group-report';

/**
 * A teacher's report on one class over a period (this month by default): who took part (by
 * nickname, in alphabetical order, never ranked), its totals week by week, its most logged
 * actions, its pledges and check-ins, its goals and where it stands on its boards.
 */
export async function classReport(db: DbOrTx, classId: number, period: Period, today: string) {
	const [{ students }] = await db
		.select({ students: count() })
		.from(classStudent)
		.where(and(eq(classStudent.classId, classId)));
	const [weeks, takingPart, actions, checkins, pledges, goals, boards] = await Promise.all([
		groupWeeks(db, 'class', classId, period),
		studentsTakingPart(db, classId, period),
		topActions(db, 'class', classId, period),
		checkinsIn(db, 'class', classId, period),
		pledgesIn(db, 'class', classId, period, today),
		listGoals(db, classId, today),
		standingsFor(db, 'class', classId, period, today)
	]);
	return {
		period,
		students,
		takingPart,
		totals: {
			...weeks.totals,
			actions: actions.logs,
			checkins: checkins.n,
			itemsAvoided: actions.items + checkins.items
		},
		weeks: weeks.weeks,
		topActions: actions.top,
		pledges: {
			list: pledges,
			kept: pledges.filter((p) => p.completedOn && p.completedOn >= period.from).length
		},
		goals: goals
			.filter((g) => g.goal.startDay <= period.to && g.goal.deadline >= period.from)
			.map((g) => ({
				metric: g.goal.metric,
				target: g.goal.target,
				startDay: g.goal.startDay,
				deadline: g.goal.deadline,
				actionName: g.actionName,
				current: g.current,
				percent: g.percent,
				state: g.state
			})),
		boards
	};
}
