import { formatNumber, t } from '$lib/i18n/t';
import type { PledgeItemCode } from './items';

/** A pledge's name for people: the custom name, or the item's translated name. */
export function pledgeName(p: { item: PledgeItemCode; customName: string | null }): string {
	return p.customName ?? t(`pledge.item.${p.item}`);
}

/** "42 plastic bottles": a count of the single-use twin, in words a child understands. */
export function twinWords(item: PledgeItemCode, n: number): { n: string; what: string } {
	return { n: formatNumber(n), what: t(n === 1 ? `pledge.twin1.${item}` : `pledge.twin.${item}`) };
}

/** Grams for people: "850 g" below a kilogram, "1,2 kg" above. */
export function formatGrams(grams: number): string {
	return grams < 1000
		? `${formatNumber(grams)} g`
		: `${formatNumber(grams / 1000, { maximumFractionDigits: 1 })} kg`;
}
