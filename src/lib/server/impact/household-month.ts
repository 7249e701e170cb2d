import { and, between, desc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { badgeAward, householdMember, user } from '$lib/server/db/schema';
import { addDays, localDay, monthEnd } from '$lib/utils/dates';
import { checkinsIn, groupWeeks, pledgesIn, standingsFor, topActions } from './group-report';

/**
 * A household's month: what it avoided and collected week by week, its pledges with their streaks,
 * the badges it and its members earned that month (members by nickname), and its place in its
 * neighbourhood that month. `month` is its first day. Without `nameMembers` (its steward, an
 * organiser) no member is named: which child lives in a household is for its members only.
 */
export async function householdMonth(
	db: DbOrTx,
	householdId: number,
	month: string,
	today: string,
	timeZone: string,
	nameMembers: boolean
) {
	const period = { from: month, to: monthEnd(month) < today ? monthEnd(month) : today };
	const members = db
		.select({ id: householdMember.userId })
		.from(householdMember)
		.where(and(eq(householdMember.householdId, householdId), eq(householdMember.status, 'active')));
	// A day either side covers every time zone; the exact local day is checked below.
	const start = new Date(`${addDays(period.from, -1)}T00:00:00Z`);
	const end = new Date(`${addDays(period.to, 2)}T00:00:00Z`);
	const [weeks, actions, checkins, pledges, boards, badges] = await Promise.all([
		groupWeeks(db, 'household', householdId, period),
		topActions(db, 'household', householdId, period, 3),
		checkinsIn(db, 'household', householdId, period),
		pledgesIn(db, 'household', householdId, period, today),
		standingsFor(db, 'household', householdId, period, today),
		db
			.select({ badge: badgeAward.badge, awardedAt: badgeAward.awardedAt, nickname: user.nickname })
			.from(badgeAward)
			.leftJoin(user, eq(user.id, badgeAward.userId))
			.where(
				and(
					or(eq(badgeAward.householdId, householdId), inArray(badgeAward.userId, members)),
					between(badgeAward.awardedAt, start, end)
				)
			)
			.orderBy(desc(badgeAward.awardedAt))
			.limit(50)
	]);
	return {
		period,
		totals: {
			...weeks.totals,
			actions: actions.logs,
			checkins: checkins.n,
			itemsAvoided: actions.items + checkins.items
		},
		weeks: weeks.weeks,
		topActions: actions.top,
		pledges: nameMembers ? pledges : pledges.map((p) => ({ ...p, ownerNickname: null })),
		badges: badges
			.filter((b) => {
				const day = localDay(b.awardedAt, timeZone);
				return day >= period.from && day <= period.to;
			})
			.map((b) => (nameMembers ? b : { ...b, nickname: null })),
		boards
	};
}
