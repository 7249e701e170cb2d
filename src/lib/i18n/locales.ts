export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
	return value === 'vi' || value === 'en';
}

/** The BCP 47 tag handed to Intl for a locale. */
export function intlLocale(locale: Locale): string {
	return locale === 'vi' ? 'vi-VN' : 'en-GB';
}
