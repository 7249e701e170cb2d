import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { dropOffCard } from '$lib/server/db/schema';
import { firstFree } from '$lib/server/community/codes';

/**
 * Drop-off cards: a 10-digit number (and its QR) that a steward scans or types to credit a
 * household or a student. A card only credits; it never signs anyone in or admits anyone.
 */

export type CardHolder = { householdId: number } | { userId: number };

/** What a person typed or scanned, as a card number: digits only, or null when it cannot be one. */
export function cardNumberFrom(raw: string): string | null {
	const digits = raw.replace(/[\s.-]/g, '');
	return /^[1-9]\d{9}$/.test(digits) ? digits : null;
}

/** A card number as printed: "1234 5678 90". */
export function formatCardNumber(code: string): string {
	return `${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8)}`;
}

const holderWhere = (h: CardHolder) =>
	'householdId' in h ? eq(dropOffCard.householdId, h.householdId) : eq(dropOffCard.userId, h.userId);

/** The holder's card number, or null when they have none yet. */
export async function cardOf(db: DbOrTx, holder: CardHolder): Promise<string | null> {
	const [row] = await db.select({ code: dropOffCard.code }).from(dropOffCard).where(holderWhere(holder));
	return row?.code ?? null;
}

/** Gives the holder a new card number, replacing any old one (a lost card stops crediting). */
export async function issueCard(db: DbOrTx, holder: CardHolder): Promise<string> {
	await db.delete(dropOffCard).where(holderWhere(holder));
	return firstFree(async () => {
		const code = String(randomInt(1_000_000_000, 10_000_000_000));
		const rows = await db
			.insert(dropOffCard)
			.values({ code, ...holder })
			.onConflictDoNothing()
			.returning({ code: dropOffCard.code });
		if (rows.length) return code;
		// Either the number is taken (try another) or a simultaneous request gave the holder one.
		return (await cardOf(db, holder)) ?? undefined;
	});
}

/** The holder's card, issued first if they have none. */
export async function ensureCard(db: DbOrTx, holder: CardHolder): Promise<string> {
	return (await cardOf(db, holder)) ?? issueCard(db, holder);
}

/** Who a card number belongs to, or null. */
export async function findCard(db: DbOrTx, code: string) {
	const [row] = await db
		.select({ householdId: dropOffCard.householdId, userId: dropOffCard.userId })
		.from(dropOffCard)
		.where(eq(dropOffCard.code, code));
	return row ?? null;
}
