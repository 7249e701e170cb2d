/**
 * Board rules: how much of a board is shown and when a group is ranked on points per member.
 * Shared by the rollups (ledger), the board queries, the board page and the README.
 */
export const BOARD_RULES = {
	/** Rows at the top of every board. */
	top: 10,
	/** Rows shown either side of the viewer's own row when it is not in the top. */
	neighbours: 2,
	/** Leading groups the race chart follows. */
	raceGroups: 5
} as const;

/** The kinds of group a board can rank per member (a person is one member: never). */
const PER_MEMBER_KINDS = ['class', 'school', 'household', 'neighbourhood'] as const;
export type PerMemberKind = (typeof PER_MEMBER_KINDS)[number];

/**
 * When a group is ranked on points ÷ active members (members with at least one entry in the
 * window that was not voided): once `minMembers` are active, or, where `orMinDays` is set, once
 * the group has scored on that many different days. A class of 25 can beat a class of 45; a
 * two-person stall can beat a family of six; one person's single lucky day tops nothing.
 */
export interface PerMemberRule {
	minMembers: number;
	orMinDays: number | null;
}

export const PER_MEMBER_RULES: Record<PerMemberKind, PerMemberRule> = {
	class: { minMembers: 3, orMinDays: null },
	school: { minMembers: 3, orMinDays: null },
	neighbourhood: { minMembers: 3, orMinDays: null },
	household: { minMembers: 2, orMinDays: 2 }
};

export function isPerMemberKind(kind: string): kind is PerMemberKind {
	return (PER_MEMBER_KINDS as readonly string[]).includes(kind);
}

/** Points per active member, or null while the group is not ranked that way. */
export function perMemberScore(
	kind: string,
	points: number,
	activeMembers: number,
	activeDays: number
): number | null {
	if (!isPerMemberKind(kind) || activeMembers <= 0) return null;
	const rule = PER_MEMBER_RULES[kind];
	const ranked =
		activeMembers >= rule.minMembers || (rule.orMinDays !== null && activeDays >= rule.orMinDays);
	return ranked ? points / activeMembers : null;
}
