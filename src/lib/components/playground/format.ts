import { formatKg, t } from '$lib/i18n/t';

import { inSentence, type Material } from '$lib/utils/playground';

/** The fields of a drop-off the lists show. */
export interface DropOffRow {
	localDay: string;
	material: Material;
	grams: number;
	gramsEstimated: boolean;
	itemCount: number | null;
	householdName: string | null;
	studentNickname: string | null;
	className: string | null;
	componentName: string | null;
}

/** "2,5 kg", "40 items (≈ 0,4 kg)": what was brought, in the page's language. */
export function amountText(r: Pick<DropOffRow, 'grams' | 'gramsEstimated' | 'itemCount'>): string {
	const kg = formatKg(r.grams);
	const items = r.itemCount ? t('playground.amount.items', { n: r.itemCount }) : '';
	if (r.gramsEstimated) return `${items} (${t('playground.amount.estimated', { kg })})`;
	return items ? `${t('playground.amount.kg', { kg })} · ${items}` : t('playground.amount.kg', { kg });
}

/**
 * Who brought it: the student's nickname and class, else the household's name (the server never
 * sends both for one row; see access/visibility.ts).
 */
export function whoText(r: Pick<DropOffRow, 'householdName' | 'studentNickname' | 'className'>): string {
	if (r.studentNickname) return `${r.studentNickname}${r.className ? ` · ${r.className}` : ''}`;
	return r.householdName ?? '—';
}

/** A material's name inside a sentence, in the page's language. */
export function materialInSentence(material: Material): string {
	return inSentence(t(`playground.material.${material}`));
}
