import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from './client';
import { formReceipt } from './schema';

/** Who sent a form: a signed-in person, or (before they have an account) their device. */
export type Actor = { userId: number } | { deviceHash: string };

export interface ReceiptScope {
	actor: Actor;
	/** The form, e.g. 'class.create': one key may be reused by another form without clashing. */
	form: string;
	/** The idempotency key the form carried. */
	key: string;
}

/** How long a receipt answers replays (a double tap, a retry, the back button and resend). */
export const RECEIPT_TTL_MS = 7 * 24 * 3600_000;

export type Outcome = { ok: boolean };

class Refused<T> extends Error {
	constructor(readonly result: T) {
		super('refused');
	}
}

function actorKey(actor: Actor): string {
	return 'userId' in actor ? `u:${actor.userId}` : `d:${actor.deviceHash}`;
}

/**
 * Runs a create or reset form's write at most once per idempotency key. Inside one write
 * transaction: if this actor already sent this form with this key, the stored result comes back
 * (with `replayed: true`) and nothing is written; otherwise `run` writes, and when its result is
 * `ok` the result is stored with it. A result that is not `ok` rolls `run`'s writes back and
 * stores nothing, so the same form can be corrected and sent again. Results must be plain JSON.
 */
export async function once<T extends Outcome>(
	db: Db,
	scope: ReceiptScope,
	run: (tx: Tx) => Promise<T>
): Promise<T & { replayed?: true }> {
	const actor = actorKey(scope.actor);
	try {
		return await db.transaction(async (tx) => {
			const [seen] = await tx
				.select({ result: formReceipt.result })
				.from(formReceipt)
				.where(
					and(eq(formReceipt.actor, actor), eq(formReceipt.form, scope.form), eq(formReceipt.key, scope.key))
				);
			if (seen) return { ...(JSON.parse(seen.result) as T), replayed: true as const };
			const result = await run(tx);
			if (!result.ok) throw new Refused(result);
			await tx
				.insert(formReceipt)
				.values({ actor, form: scope.form, key: scope.key, result: JSON.stringify(result) });
			return result;
		});
	} catch (error) {
		if (error instanceof Refused) return error.result as T;
		throw error;
	}
}

/**
 * Whether this actor already sent this form with this key: lets a service skip slow work (a
 * password hash) for a repeat before `once` checks again inside its transaction.
 */
export async function hasReceipt(db: Db, scope: ReceiptScope): Promise<boolean> {
	const [seen] = await db
		.select({ key: formReceipt.key })
		.from(formReceipt)
		.where(
			and(
				eq(formReceipt.actor, actorKey(scope.actor)),
				eq(formReceipt.form, scope.form),
				eq(formReceipt.key, scope.key)
			)
		);
	return !!seen;
}

/** Forgets receipts older than RECEIPT_TTL_MS (run at start-up and hourly). */
export async function pruneReceipts(db: Db, now = Date.now()): Promise<void> {
	await db.delete(formReceipt).where(lt(formReceipt.createdAt, new Date(now - RECEIPT_TTL_MS)));
}

/**
 * Forgets a person's receipts (erasure): those they sent, and those that made their account (a
 * class join is sent by a device, and its result holds the new username).
 */
export async function forgetReceipts(db: Db | Tx, userId: number): Promise<void> {
	await db
		.delete(formReceipt)
		.where(
			or(
				eq(formReceipt.actor, actorKey({ userId })),
				sql`json_extract(${formReceipt.result}, '$.userId') = ${userId}`
			)
		);
}
