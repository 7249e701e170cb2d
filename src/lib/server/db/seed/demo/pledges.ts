import type { DemoSeeder } from './index';
import type { Tx } from '../../client';
import type { PledgeItemCode } from '$lib/pledges/items';
import { checkInWithin, createPledgeWithin } from '$lib/server/pledges/pledges';
import { appTimeZone } from '$lib/server/config';
import { addDays } from '$lib/utils/dates';

/** Noon-ish of a local day as an instant (12:00 UTC is the same calendar day from UTC−11 to UTC+11). */
const at = (day: string) => new Date(`${day}T12:00:00Z`);

interface DemoPledge {
	owner: number;
	household?: boolean;
	item: PledgeItemCode;
	days: 7 | 21 | 30;
	/** Days before today it started. */
	startedAgo: number;
	/** Days (counted from the start, 0-based) with no check-in. */
	skip?: number[];
	/** Stop checking in this many days before today (0 = checked in today too). */
	lastAgo: number;
	uses?: number;
	/** Who checks in on a given day offset (household pledges are shared); default the owner. */
	checker?: (offset: number) => number;
}

async function seedPledge(tx: Tx, p: DemoPledge, today: string) {
	const tz = appTimeZone();
	const start = addDays(today, -p.startedAgo);
	const created = await createPledgeWithin(
		tx,
		p.owner,
		{
			owner: p.household ? 'household' : 'me',
			item: p.item,
			customName: null,
			customGrams: null,
			usesPerDay: p.uses ?? 1,
			days: p.days,
			untilDay: null,
			idempotencyKey: `demo-pledge-${p.owner}-${p.item}-${p.startedAgo}`
		},
		at(start),
		tz
	);
	if (!created.ok) throw new Error(`demo pledge: ${created.error}`);
	const end = addDays(start, p.days - 1);
	for (let i = 0; addDays(start, i) <= end && i <= p.startedAgo - p.lastAgo; i++) {
		if (p.skip?.includes(i)) continue;
		const day = addDays(start, i);
		const uses = p.uses ?? 1;
		// Some days a little more or less than usual, so the chart is not a flat line.
		const count = Math.max(1, uses + ((i * 7 + p.owner) % 3) - 1);
		const who = p.checker?.(i) ?? p.owner;
		const r = await checkInWithin(
			tx,
			who,
			{
				pledgeId: created.pledgeId,
				day: 'today',
				count,
				idempotencyKey: `demo-checkin-${created.pledgeId}-${i}`
			},
			at(day),
			tz
		);
		if (!r.ok) throw new Error(`demo check-in: ${r.error}`);
	}
}

/**
 * Three weeks of pledges: demo-student keeps a bottle pledge (a forgotten day healed by a grace
 * day, not yet checked in today), finished a lunch-box pledge with its bonus and badge, and has a
 * new cup pledge; the demo family's household keeps a shopping-bag pledge that the student checks
 * in on too; classmates and two more households fill the walls.
 */
export const seedPledgesDemo: DemoSeeder = async (db, ctx) => {
	const today = ctx.today;
	const s = ctx.studentId;
	const family = ctx.familyId;
	const plan: DemoPledge[] = [
		{ owner: s, item: 'lunchbox', days: 7, startedAgo: 27, lastAgo: 21 },
		{ owner: s, item: 'bottle', days: 30, startedAgo: 20, lastAgo: 1, skip: [10], uses: 2 },
		{ owner: s, item: 'cup', days: 21, startedAgo: 4, lastAgo: 1 },
		{
			owner: family,
			household: true,
			item: 'bag',
			days: 30,
			startedAgo: 19,
			lastAgo: 0,
			skip: [9],
			uses: 3,
			checker: (i) => (i % 4 === 3 ? s : family)
		},
		{ owner: ctx.adultsByHousehold[1][0], household: true, item: 'cup', days: 21, startedAgo: 9, lastAgo: 1 }
	];
	for (const [i, classmate] of ctx.studentsByClass[0].slice(1, 6).entries()) {
		const items: PledgeItemCode[] = ['bottle', 'lunchbox', 'bag', 'cutlery', 'bottle'];
		plan.push({
			owner: classmate,
			item: items[i],
			days: 21,
			startedAgo: 14 - i * 2,
			lastAgo: i % 2,
			skip: i === 2 ? [3] : []
		});
	}
	for (const [i, student] of ctx.studentsByClass[1].slice(0, 3).entries()) {
		plan.push({ owner: student, item: 'bottle', days: 7, startedAgo: 5 + i, lastAgo: 1 });
	}
	// One transaction: the same services as the app, without a disk sync per check-in.
	await db.transaction(async (tx) => {
		for (const p of plan) await seedPledge(tx, p, today);
	});
};
