import { formatKg, formatNumber, t } from '$lib/i18n/t';
import type { PledgeItemCode } from './items';

/** A pledge's name for people: the custom name, or the item's translated name. */
export function pledgeName(p: { item: PledgeItemCode; customName: string | null }): string {
	return p.customName ?? t(`pledge.item.${p.item}`);
}

/** "42 plastic bottles", "1 plastic bottle": a count of the single-use twin, in words a child understands. */
export function twinCount(item: PledgeItemCode, n: number): string {
	return t(`pledge.twinCount.${item}`, { n });
}

/** Grams for people: "850 g" below a kilogram, "1,25 kg" above. */
export function formatGrams(grams: number): string {
	return grams < 1000 ? `${formatNumber(grams)} g` : `${formatKg(grams)} kg`;
}
