import type { SessionInfo, SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n/locales';
import type { MessageKey } from '$lib/i18n/vi';
import type { Message } from '$lib/i18n/define';

declare global {
	namespace App {
		interface Error {
			/** A message key (SvelteKit's own errors in the browser may still say plain "Not Found"). */
			message: MessageKey;
			/** The message's placeholders, when it has any. */
			params?: Readonly<Record<string, string | number>>;
		}
		interface Locals {
			user: SessionUser | null;
			session: SessionInfo | null;
			locale: Locale;
			/** This browser's signed device id; `fresh` when the request brought no valid cookie. */
			device: { id: string; fresh: boolean };
		}
		interface PageData {
			locale: Locale;
			user: Pick<SessionUser, 'id' | 'nickname' | 'displayName' | 'roles'> | null;
			/** The messages this page can show, in its language (src/routes/+layout.ts). */
			messages?: Partial<Record<MessageKey, Message>>;
		}
	}
}

export {};
