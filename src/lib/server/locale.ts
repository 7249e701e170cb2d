import type { RequestEvent } from '@sveltejs/kit';
import { isLocale, type Locale } from '$lib/i18n/locales';

const LOCALE_COOKIE = 'sx_lang';

/** The signed-in user's setting, else the language cookie, else Vietnamese. */
export function resolveLocale(event: Pick<RequestEvent, 'cookies' | 'locals'>): Locale {
	if (event.locals.user) return event.locals.user.locale;
	const cookie = event.cookies.get(LOCALE_COOKIE);
	return isLocale(cookie) ? cookie : 'vi';
}

export function setLocaleCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, locale: Locale): void {
	event.cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
}
