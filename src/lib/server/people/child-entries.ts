import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { alias } from 'drizzle-orm/sqlite-core';
import { action, actionLog, contribution, ledgerEntry, pledge, pledgeCheckin } from '$lib/server/db/schema';
import { isSelfUndo } from '$lib/server/actions/undo';
import { translate, type MessageArgs, type MessageKey } from '$lib/i18n';
import { intlLocale, type Locale } from '$lib/i18n/locales';
import { isSourceKind } from '$lib/domain/ledger';
import { formatKgIn } from '$lib/utils/units';
import { inSentence } from '$lib/utils/playground';
import type { PledgeItemCode } from '$lib/pledges/items';

/**
 * What each of a child's ledger entries was, in words and in the reader's language: the action
 * (with its count), the pledge checked in or completed, the plastic brought, or what a void undid
 * and why. The child page and both exports use these same words.
 */

interface Entry {
	id: number;
	sourceKind: string;
	sourceId: number | null;
	reverses: number | null;
	reason: string | null;
}

const undoneEntry = alias(ledgerEntry, 'undone_entry');

const ids = (entries: Entry[], kind: string) => [
	...new Set(entries.filter((e) => e.sourceKind === kind && e.sourceId !== null).map((e) => e.sourceId!))
];

/** The words for every entry, by entry id. */
export async function describeEntries(
	db: DbOrTx,
	entries: Entry[],
	locale: Locale
): Promise<Map<number, string>> {
	const tr = <K extends MessageKey>(key: K, ...params: MessageArgs<K>) => translate(locale, key, ...params);
	const kg = (grams: number) => formatKgIn(intlLocale(locale), grams);

	const logIds = ids(entries, 'action');
	const logs = logIds.length
		? await db
				.select({ id: actionLog.id, count: actionLog.count, vi: action.nameVi, en: action.nameEn })
				.from(actionLog)
				.innerJoin(action, eq(action.id, actionLog.actionId))
				.where(inArray(actionLog.id, logIds))
		: [];
	const checkinIds = ids(entries, 'checkin');
	const checkins = checkinIds.length
		? await db
				.select({ id: pledgeCheckin.id, item: pledge.item, customName: pledge.customName })
				.from(pledgeCheckin)
				.innerJoin(pledge, eq(pledge.id, pledgeCheckin.pledgeId))
				.where(inArray(pledgeCheckin.id, checkinIds))
		: [];
	const pledgeIds = ids(entries, 'bonus');
	const pledges = pledgeIds.length
		? await db
				.select({ id: pledge.id, item: pledge.item, customName: pledge.customName })
				.from(pledge)
				.where(inArray(pledge.id, pledgeIds))
		: [];
	const dropIds = ids(entries, 'contribution');
	const drops = dropIds.length
		? await db
				.select({ id: contribution.id, material: contribution.material, grams: contribution.grams })
				.from(contribution)
				.where(inArray(contribution.id, dropIds))
		: [];

	// Who made each reversal and who made what it reversed: an author's own undo reads as one.
	const reversalIds = entries.filter((e) => e.sourceKind === 'reversal').map((e) => e.id);
	const reversals = reversalIds.length
		? await db
				.select({
					id: ledgerEntry.id,
					reason: ledgerEntry.reason,
					actorId: ledgerEntry.actorId,
					entryActorId: undoneEntry.actorId
				})
				.from(ledgerEntry)
				.innerJoin(undoneEntry, eq(undoneEntry.id, ledgerEntry.reverses))
				.where(inArray(ledgerEntry.id, reversalIds))
		: [];
	const selfUndone = new Set(reversals.filter((r) => isSelfUndo(r, r.entryActorId)).map((r) => r.id));

	const item = (p: { item: PledgeItemCode; customName: string | null }) =>
		p.customName ?? tr(`pledge.item.${p.item}`);
	const byLog = new Map(logs.map((l) => [l.id, l]));
	const byCheckin = new Map(checkins.map((c) => [c.id, c]));
	const byPledge = new Map(pledges.map((p) => [p.id, p]));
	const byDrop = new Map(drops.map((d) => [d.id, d]));

	const words = new Map<number, string>();
	const plain = (e: Entry): string => {
		const id = e.sourceId ?? -1;
		if (e.sourceKind === 'action' && byLog.has(id)) {
			const l = byLog.get(id)!;
			const name = locale === 'en' ? l.en : l.vi;
			return l.count > 1 ? `${name} ${tr('entry.count', { n: l.count })}` : name;
		}
		if (e.sourceKind === 'checkin' && byCheckin.has(id))
			return tr('structure.children.what.checkin', { item: item(byCheckin.get(id)!) });
		if (e.sourceKind === 'bonus' && byPledge.has(id))
			return tr('structure.children.what.bonus', { item: item(byPledge.get(id)!) });
		if (e.sourceKind === 'contribution' && byDrop.has(id)) {
			const d = byDrop.get(id)!;
			return tr('structure.children.what.contribution', {
				kg: kg(d.grams),
				material: inSentence(tr(`playground.material.${d.material}`))
			});
		}
		return isSourceKind(e.sourceKind) ? tr(`source.${e.sourceKind}`) : e.sourceKind;
	};
	for (const e of entries) if (e.sourceKind !== 'reversal') words.set(e.id, plain(e));
	for (const e of entries) {
		if (e.sourceKind !== 'reversal') continue;
		const what = (e.reverses !== null ? words.get(e.reverses) : undefined) ?? tr('source.reversal');
		words.set(
			e.id,
			selfUndone.has(e.id)
				? tr('structure.children.what.undone', { what })
				: tr('structure.children.what.reversal', { what, reason: e.reason ?? '—' })
		);
	}
	return words;
}
