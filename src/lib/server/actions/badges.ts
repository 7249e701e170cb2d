import { and, desc, eq, gt, gte, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { actionLog, badgeAward, challenge, classStudent, user } from '$lib/server/db/schema';
import { addDays } from '$lib/utils/dates';
import { BADGE_RULES, badgeLadder, currentRun, type BadgeStep } from '$lib/rules/badges';
import { getMemberships } from '$lib/server/access/membership';
import { racedBy } from '$lib/rules/challenges';
import { getTotals } from '$lib/server/ledger/ledger';
import { challengeStandings, type ChallengeRow } from './challenges';
import { isBadge, type ACTION_BADGES, type BadgeCode } from '$lib/domain/badges';

export type BadgeOwner = { userId: number } | { classId: number } | { householdId: number };

function ownerKey(owner: BadgeOwner): string {
	if ('userId' in owner) return `u:${owner.userId}`;
	if ('classId' in owner) return `c:${owner.classId}`;
	return `h:${owner.householdId}`;
}

/**
 * Awards a badge once per (badge, owner, refKey); returns whether it was new. Safe to call on every
 * qualifying write: the unique index makes repeats no-ops.
 */
export async function awardBadge(
	db: DbOrTx,
	badge: string,
	owner: BadgeOwner,
	refKey = '',
	at = new Date()
): Promise<boolean> {
	const rows = await db
		.insert(badgeAward)
		.values({
			badge,
			ownerKey: ownerKey(owner),
			userId: 'userId' in owner ? owner.userId : null,
			classId: 'classId' in owner ? owner.classId : null,
			householdId: 'householdId' in owner ? owner.householdId : null,
			refKey,
			awardedAt: at
		})
		.onConflictDoNothing()
		.returning({ id: badgeAward.id });
	return rows.length > 0;
}

// ---- Badge rules (actions, goals, challenges) ----

const STREAK_DAYS = BADGE_RULES.streakDays;
/** Every badge this module awards; each has `badge.<name>` and `badge.<name>.hint` messages. */
export type Badge = (typeof ACTION_BADGES)[number];

/** Whether `days` (distinct, any order) contain a run of `length` consecutive days. */
export function hasRun(days: string[], length: number): boolean {
	const sorted = [...new Set(days)].sort();
	let run = 0;
	for (let i = 0; i < sorted.length; i++) {
		run = i > 0 && addDays(sorted[i - 1], 1) === sorted[i] ? run + 1 : 1;
		if (run >= length) return true;
	}
	return false;
}

/**
 * After a person logs an action for `day`: first action, a 7-day logging streak through that day
 * (voided logs do not count), and point milestones. Returns the badges newly awarded. Two
 * statements: the days around `day` with the person's all-time points, then every badge they
 * qualify for in one insert (the unique index keeps the ones they already have).
 */
export async function awardActionBadges(
	tx: DbOrTx,
	personId: number,
	day: string,
	at: Date
): Promise<Badge[]> {
	const rows = await tx.all<{ day: string | null; points: number | null }>(sql`
		SELECT (SELECT r.points FROM rollup r WHERE r.scope_kind = 'person' AND r.scope_id = ${personId}
			AND r.period_kind = 'all' AND r.period_key = 'all') AS points, d.day AS day
		FROM (SELECT 1) LEFT JOIN (SELECT DISTINCT l.local_day AS day FROM action_log l
			WHERE l.person_id = ${personId} AND l.local_day >= ${addDays(day, -(STREAK_DAYS - 1))}
				AND l.local_day <= ${addDays(day, STREAK_DAYS - 1)}
				AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses = l.ledger_entry_id)) d`);
	const points = Number(rows[0]?.points ?? 0);
	const days = rows.flatMap((r) => (r.day ? [r.day] : []));
	const earned: Badge[] = ['first_action'];
	if (hasRun(days, STREAK_DAYS)) earned.push('streak_7');
	for (const m of BADGE_RULES.pointMilestones) if (points >= m) earned.push(`points_${m}`);
	const added = await tx
		.insert(badgeAward)
		.values(
			earned.map((badge) => ({
				badge,
				ownerKey: ownerKey({ userId: personId }),
				userId: personId,
				refKey: '',
				awardedAt: at
			}))
		)
		.onConflictDoNothing()
		.returning({ badge: badgeAward.badge });
	const isNew = new Set(added.map((a) => a.badge));
	return earned.filter((b) => isNew.has(b));
}

/**
 * Awards `challenge_winner` to the top class or household of a challenge (all of them on a tie;
 * nobody when no one scored); `settleDueChallenges` calls it once the challenge can no longer
 * change. The unique index makes it exactly once.
 */
export async function awardChallengeWinners(db: DbOrTx, ch: ChallengeRow, at: Date): Promise<void> {
	const standings = await challengeStandings(db, ch);
	const top = standings.filter((s) => s.rank === 1 && s.points > 0);
	const kind = racedBy(ch.scope);
	for (const s of top)
		await awardBadge(
			db,
			'challenge_winner',
			kind === 'class' ? { classId: s.id } : { householdId: s.id },
			String(ch.id),
			at
		);
}

export interface BadgeView {
	badge: string;
	refKey: string;
	awardedAt: Date;
	nickname: string | null;
	/** The challenge a `challenge_winner` badge was won in. */
	challengeTitle: string | null;
}

const wonIn = and(
	eq(badgeAward.badge, 'challenge_winner'),
	eq(badgeAward.refKey, sql`cast(${challenge.id} as text)`)
);

/** A person's badges, newest first. */
export async function badgesOf(db: DbOrTx, userId: number): Promise<BadgeView[]> {
	return db
		.select({
			badge: badgeAward.badge,
			refKey: badgeAward.refKey,
			awardedAt: badgeAward.awardedAt,
			nickname: sql<string | null>`null`,
			challengeTitle: challenge.title
		})
		.from(badgeAward)
		.leftJoin(challenge, wonIn)
		.where(eq(badgeAward.userId, userId))
		.orderBy(desc(badgeAward.awardedAt), desc(badgeAward.id));
}

/** The class feed: badges of the class itself and of its students (nicknames only), newest first. */
export async function classBadgeFeed(db: DbOrTx, classId: number, limit = 50): Promise<BadgeView[]> {
	return db
		.select({
			badge: badgeAward.badge,
			refKey: badgeAward.refKey,
			awardedAt: badgeAward.awardedAt,
			nickname: user.nickname,
			challengeTitle: challenge.title
		})
		.from(badgeAward)
		.leftJoin(user, eq(user.id, badgeAward.userId))
		.leftJoin(challenge, wonIn)
		.where(
			or(
				eq(badgeAward.classId, classId),
				inArray(
					badgeAward.userId,
					db.select({ id: classStudent.userId }).from(classStudent).where(eq(classStudent.classId, classId))
				)
			)
		)
		.orderBy(desc(badgeAward.awardedAt), desc(badgeAward.id))
		.limit(limit);
}

/** A household's own badges (e.g. challenge winner), newest first. */
export async function householdBadges(db: DbOrTx, householdId: number): Promise<BadgeView[]> {
	return db
		.select({
			badge: badgeAward.badge,
			refKey: badgeAward.refKey,
			awardedAt: badgeAward.awardedAt,
			nickname: sql<string | null>`null`,
			challengeTitle: challenge.title
		})
		.from(badgeAward)
		.leftJoin(challenge, wonIn)
		.where(eq(badgeAward.householdId, householdId))
		.orderBy(desc(badgeAward.awardedAt), desc(badgeAward.id));
}

/** Badges earned after this instant are new: celebrated on /today and /me. */
function freshSince(now: Date): Date {
	return new Date(now.getTime() - BADGE_RULES.newForMinutes * 60_000);
}

/** The person's own badges earned in the last few minutes (to celebrate right after the log that earned them). */
export async function freshBadgesOf(db: DbOrTx, userId: number, now = new Date()): Promise<BadgeCode[]> {
	const rows = await db
		.selectDistinct({ badge: badgeAward.badge })
		.from(badgeAward)
		.where(and(eq(badgeAward.userId, userId), gt(badgeAward.awardedAt, freshSince(now))));
	return rows.map((r) => r.badge).filter(isBadge);
}

export interface BadgeProgress {
	ladder: BadgeStep[];
	/** Badges the person (or their class or household) earned in the last few minutes: celebrate them. */
	fresh: BadgeCode[];
}

/**
 * Every badge a person can aim for, with progress (points, the logging streak still alive on
 * `today`), counting the badges their class and household won together, and which ones are new.
 */
export async function badgeProgressOf(
	db: DbOrTx,
	userId: number,
	today: string,
	now = new Date()
): Promise<BadgeProgress> {
	const m = await getMemberships(db, userId);
	const owners = [
		eq(badgeAward.userId, userId),
		m.classId ? eq(badgeAward.classId, m.classId) : undefined,
		m.householdId ? eq(badgeAward.householdId, m.householdId) : undefined
	].filter((c) => c !== undefined);
	const [awards, days, totals] = await Promise.all([
		db
			.select({ badge: badgeAward.badge, awardedAt: badgeAward.awardedAt })
			.from(badgeAward)
			.where(or(...owners)),
		db
			.selectDistinct({ day: actionLog.localDay })
			.from(actionLog)
			.where(
				and(
					eq(actionLog.personId, userId),
					gte(actionLog.localDay, addDays(today, -STREAK_DAYS)),
					sql`not exists (select 1 from ledger_entry r where r.reverses = "action_log"."ledger_entry_id")`
				)
			),
		getTotals(db, 'person', userId)
	]);
	const since = freshSince(now).getTime();
	return {
		ladder: badgeLadder({
			points: totals.points,
			streak: currentRun(
				days.map((d) => d.day),
				today
			),
			earned: new Set(awards.map((a) => a.badge))
		}),
		fresh: [...new Set(awards.filter((a) => a.awardedAt.getTime() > since).map((a) => a.badge))].filter(
			isBadge
		)
	};
}
