import type { Cookies } from '@sveltejs/kit';
import { isMessageKey, type MessageKey } from '$lib/i18n';

const FLASH_COOKIE = 'sx_flash';

/** Leaves a confirmation (an i18n key) for the next page this browser loads. */
export function setFlash(cookies: Cookies, key: MessageKey): void {
	cookies.set(FLASH_COOKIE, key, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

/** Reads and clears the pending confirmation. Only declared message keys are accepted. */
export function takeFlash(cookies: Cookies): MessageKey | null {
	const key = cookies.get(FLASH_COOKIE);
	if (!key) return null;
	cookies.delete(FLASH_COOKIE, { path: '/' });
	return isMessageKey(key) ? key : null;
}
