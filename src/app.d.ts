import type { SessionInfo, SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n/locales';

declare global {
	namespace App {
		interface Error {
			/** An i18n key (or plain text for unexpected errors). */
			message: string;
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
			/** This language's message table (see src/routes/+layout.ts). */
			messages?: Record<string, string>;
		}
	}
}

export {};
