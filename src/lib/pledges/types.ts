import type { PledgeItemCode } from './items';

export type PledgeState = 'active' | 'completed' | 'ended' | 'finished';

/** What pages show of one pledge: its rules applied to its check-ins as of a day. */
export interface PledgeView {
	id: number;
	item: PledgeItemCode;
	customName: string | null;
	gramsPerItem: number;
	usesPerDay: number;
	startDay: string;
	endDay: string;
	endedOn: string | null;
	completedOn: string | null;
	householdId: number | null;
	ownerId: number | null;
	ownerNickname: string;
	state: PledgeState;
	totalDays: number;
	daysCheckedIn: number;
	itemsAvoided: number;
	gramsAvoided: number;
	streak: { current: number; longest: number; graceHeld: number; towardsGrace: number; graceUsed: number };
	checkedToday: boolean;
	canCheckInToday: boolean;
	canCheckInYesterday: boolean;
}

export interface Impact {
	week: { items: number; grams: number };
	all: { items: number; grams: number };
}
