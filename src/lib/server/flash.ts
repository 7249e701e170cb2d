import type { Cookies } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n';

const FLASH_COOKIE = 'sx_flash';

/** Leaves a confirmation (an i18n key) for the next page this browser loads. */
export function setFlash(cookies: Cookies, key: MessageKey | (string & {})): void {
	cookies.set(FLASH_COOKIE, key, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

/** Reads and clears the pending confirmation. Only keys of known shape are accepted. */
export function takeFlash(cookies: Cookies): string | null {
	const key = cookies.get(FLASH_COOKIE);
	if (!key) return null;
	cookies.delete(FLASH_COOKIE, { path: '/' });
	return /^[a-z][\w.]{0,80}$/i.test(key) ? key : null;
}
