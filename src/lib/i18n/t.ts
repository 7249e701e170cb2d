import { page } from '$app/state';
import { render } from './define';
import { isLocale, type Locale } from './locales';
import type { MessageArgs, MessageKey } from './vi';

/** The current page's locale (from the root layout's data). */
export function currentLocale(): Locale {
	const locale = page.data?.locale;
	return isLocale(locale) ? locale : 'vi';
}

/**
 * Translates in the current page's language, from the one-language table the root layout loads;
 * reactive when read in a template. Keys and parameters are checked by `npm run check`.
 */
export function t<K extends MessageKey>(key: K, ...[params]: MessageArgs<K>): string {
	return render(currentLocale(), page.data?.messages?.[key], key, params);
}
