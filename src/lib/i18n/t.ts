import { page } from '$app/state';
import { dateTimeFormatter, dayFormatter, numberFormatter } from '$lib/utils/intl-cache';
import { formatKgIn } from '$lib/utils/units';
import { render } from './define';
import { intlLocale, isLocale, type Locale } from './locales';
import type { MessageArgs, MessageKey } from './vi';

/** The current page's locale (from the root layout's data). */
export function currentLocale(): Locale {
	const locale = page.data?.locale;
	return isLocale(locale) ? locale : 'vi';
}

/**
 * Translates in the current page's language, from the page's own table the root layout loads;
 * reactive when read in a template. Keys and parameters are checked by `npm run check`.
 */
export function t<K extends MessageKey>(key: K, ...[params]: MessageArgs<K>): string {
	return render(currentLocale(), page.data?.messages?.[key], key, params);
}

/*
 * Numbers, kilograms and days in the current page's language. They live beside t() (one module,
 * so one chunk in every page's first JavaScript) and use intl-cache's memoised formatters.
 */

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
	return numberFormatter(intlLocale(currentLocale()), options).format(value);
}

/** Grams as kilograms, to a precision that suits the size (0,25 · 12,5 · 1.234), without the unit. */
export function formatKg(grams: number): string {
	return formatKgIn(intlLocale(currentLocale()), grams);
}

/** Formats a local day (YYYY-MM-DD) for people; the day is already in the app time zone. */
export function formatDay(
	day: string,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }
): string {
	return dayFormatter(intlLocale(currentLocale()), options)(day);
}

export function formatDateTime(value: Date | number, timeZone: string): string {
	return dateTimeFormatter(intlLocale(currentLocale()), {
		dateStyle: 'short',
		timeStyle: 'short',
		timeZone
	}).format(value);
}
