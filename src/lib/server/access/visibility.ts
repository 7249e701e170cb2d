import type { HouseholdRelation } from './relations';

/**
 * What each kind of page may show about people (DESIGN.md, "Children"):
 * - public pages (no sign-in: home, models, playgrounds and their posters) show classes, schools
 *   and households, never an individual child;
 * - signed-in shared surfaces (boards, walls, standings, a steward's lists) show a child by
 *   nickname, with their class at most, and never pair a nickname with a household;
 * - a real name is for the child, their linked guardians and their class's teachers only.
 * Services shape their rows with these rules, so a page cannot show more than it was given.
 */

/** Who a drop-off (or any credited entry) is credited to, as stored. */
export interface Credit {
	studentNickname: string | null;
	className: string | null;
	householdName: string | null;
}

/** On a public page: the class, or else the household, that was credited; never the child. */
export function publicCredit(c: Credit): { groupName: string | null } {
	return { groupName: c.className ?? c.householdName };
}

/** On a signed-in shared surface: a child's nickname with their class, or a household; never both. */
export function sharedCredit(c: Credit): Credit {
	return c.studentNickname
		? { studentNickname: c.studentNickname, className: c.className, householdName: null }
		: { studentNickname: null, className: null, householdName: c.householdName };
}

/**
 * Whether a viewer may see which children (by nickname, or their own words) belong to a
 * household: its approved members only. Its steward and organisers see what the household did and
 * its adults, never which child is in it.
 */
export function mayNameHouseholdChildren(relation: HouseholdRelation | null): boolean {
	return relation === 'adult' || relation === 'student';
}
