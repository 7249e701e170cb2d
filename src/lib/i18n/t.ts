import { page } from '$app/state';
import { interpolate, type MessageParams } from './define';
import { intlLocale, isLocale, type Locale } from './locales';
import type { MessageKey } from './index';
import { dateTimeFormatter, dayFormatter, numberFormatter } from '$lib/utils/intl-cache';

/** The current page's locale (from the root layout's data). */
export function currentLocale(): Locale {
	const locale = page.data?.locale;
	return isLocale(locale) ? locale : 'vi';
}

/**
 * Translates in the current page's language, from the one-language table the root layout loads;
 * reactive when read in a template. Unknown keys come back as themselves.
 */
export function t(key: MessageKey | (string & {}), params?: MessageParams): string {
	const table = page.data?.messages as Record<string, string> | undefined;
	return interpolate(table?.[key] ?? key, params);
}

/*
 * The formatters come from intl-cache: making an Intl formatter costs tens of microseconds, and a
 * page of a few hundred numbers (a steward's day of drop-offs) spent most of its render on it.
 */

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
	return numberFormatter(intlLocale(currentLocale()), options).format(value);
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
