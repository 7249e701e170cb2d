import type { SubmitFunction } from '@sveltejs/kit';
import { formatKg, t } from '$lib/i18n/t';
import { isMaterial, kgToGrams } from '$lib/utils/playground';
import { directory } from './directory.svelte';
import { queueWhenOffline } from './enhance';

/** Credits the typed name to the one person it names in the offline list, when it names one. */
export function withPick(fields: Record<string, string>): Record<string, string> {
	if (fields.pick) return fields;
	const hit = directory.find(fields.contributor ?? '');
	const next = { ...fields };
	if (hit) next.pick = hit.pick;
	else delete next.pick;
	return next;
}

/** "Nhà Xanh Số 7 · Chai nhựa PET · 2,5 kg" for the waiting list. */
export function describeDropOff(fields: Record<string, string>): string {
	const who = directory.entries.find((e) => e.pick === fields.pick)?.label ?? fields.contributor ?? '';
	const kg = Number((fields.weightKg ?? '').replace(',', '.'));
	const amount = [
		kg > 0 ? `${formatKg(kgToGrams(kg))} kg` : '',
		fields.count ? `${fields.count} ×` : ''
	].filter(Boolean);
	const m = fields.material ?? '';
	const material = isMaterial(m) ? t(`playground.material.${m}`) : '';
	return [who, material, ...amount].filter(Boolean).join(' · ');
}

/** Empties what changes from one person to the next, keeps the material, and puts the cursor back. */
function readyForNext(form: HTMLFormElement) {
	for (const name of ['contributor', 'weightKg', 'count', 'volumeMl']) {
		const input = form.elements.namedItem(name);
		if (input instanceof HTMLInputElement) {
			input.value = '';
			input.dispatchEvent(new Event('input', { bubbles: true }));
		}
	}
	const large = form.elements.namedItem('confirmLarge');
	if (large instanceof HTMLInputElement) large.checked = false;
	(form.elements.namedItem('contributor') as HTMLInputElement | null)?.focus();
}

/** The steward's record form: queued on the device when there is no connection. */
export function queueDropOff(online?: SubmitFunction): SubmitFunction {
	return queueWhenOffline(
		{ kind: 'dropoff', prepare: withPick, summary: describeDropOff, after: readyForNext },
		online
	);
}
