import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '$lib/server/db/client';
import { challenge } from '$lib/server/db/schema';
import { ACTION_RULES } from '$lib/rules/actions';
import { CHALLENGE_RULES } from '$lib/rules/challenges';
import { addDays } from '$lib/utils/dates';
import { awardChallengeWinners } from './badges';
import { checkClassGoals } from './goals';

/**
 * Decides the winners of challenges that can no longer change (their last day is past the
 * backfill window), a few per call, and marks them settled. Runs inside a ledger write's
 * transaction, so a challenge is settled by the first write after it closes, never by a page view.
 */
export async function settleDueChallenges(tx: Tx, today: string, at: Date): Promise<number[]> {
	const due = await tx
		.select()
		.from(challenge)
		.where(and(isNull(challenge.settledOn), lt(challenge.endDay, addDays(today, -ACTION_RULES.backfillDays))))
		.orderBy(challenge.endDay)
		.limit(CHALLENGE_RULES.settleBatch);
	for (const ch of due) {
		await awardChallengeWinners(tx, ch, at);
		await tx.update(challenge).set({ settledOn: today }).where(eq(challenge.id, ch.id));
	}
	return due.map((c) => c.id);
}

/**
 * What a ledger write sets off, in its transaction and with one `today` (the app time zone's):
 * the class's goals it reached, and the settling of challenges that have closed. One statement
 * asks whether there is anything to do (usually there is not); only then do the checks run.
 */
export async function afterLedgerWrite(
	tx: Tx,
	groups: { classId: number | null },
	today: string,
	at: Date
): Promise<void> {
	const [todo] = await tx.all<{ goals: number; due: number }>(sql`SELECT
		EXISTS (SELECT 1 FROM class_goal g WHERE g.class_id = ${groups.classId ?? 0} AND g.reached_on IS NULL
			AND g.deadline >= ${addDays(today, -ACTION_RULES.backfillDays)}) AS goals,
		EXISTS (SELECT 1 FROM challenge c WHERE c.settled_on IS NULL
			AND c.end_day < ${addDays(today, -ACTION_RULES.backfillDays)}) AS due`);
	if (groups.classId && todo.goals) await checkClassGoals(tx, groups.classId, today, at);
	if (todo.due) await settleDueChallenges(tx, today, at);
}
