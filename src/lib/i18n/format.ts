// Numbers, kilograms and days in the current page's language, from memoised Intl formatters.
import { dateTimeFormatter, dayFormatter, numberFormatter } from '$lib/utils/intl-cache';
import { kgFormatOptions } from '$lib/utils/units';
import { intlLocale } from './locales';
import { currentLocale } from './t';

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
	return numberFormatter(intlLocale(currentLocale()), options).format(value);
}

/** Grams as kilograms, to a precision that suits the size (0,25 · 12,5 · 1.234), without the unit. */
export function formatKg(grams: number): string {
	return formatNumber(grams / 1000, kgFormatOptions(grams));
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
