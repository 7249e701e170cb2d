import { interpolate, type MessageParams } from './define';
import { LOCALES, type Locale } from './locales';
import commonVi from './messages/common/vi';
import commonEn from './messages/common/en';
import authVi from './messages/auth/vi';
import authEn from './messages/auth/en';
import groupsVi from './messages/groups/vi';
import groupsEn from './messages/groups/en';
import structureVi from './messages/structure/vi';
import structureEn from './messages/structure/en';
import playgroundVi from './messages/playground/vi';
import playgroundEn from './messages/playground/en';
import pledgesVi from './messages/pledges/vi';
import pledgesEn from './messages/pledges/en';
import boardsVi from './messages/boards/vi';
import boardsEn from './messages/boards/en';
import actionsVi from './messages/actions/vi';
import actionsEn from './messages/actions/en';
import challengesVi from './messages/challenges/vi';
import challengesEn from './messages/challenges/en';
import impactVi from './messages/impact/vi';
import impactEn from './messages/impact/en';
import offlineVi from './messages/offline/vi';
import offlineEn from './messages/offline/en';
import trustVi from './messages/trust/vi';
import trustEn from './messages/trust/en';

export { LOCALES, type Locale, isLocale, intlLocale } from './locales';
export type { MessageParams } from './define';

/**
 * Every domain's messages, for the server and tests. A domain keeps one file per language
 * (messages/<domain>/vi.ts and en.ts) so a browser chunk holds one language only; a new domain is
 * added here and in `vi.ts` / `en.ts` (the tables the browser loads; a test checks all three agree).
 */
export const MESSAGE_MODULES = {
	common: { vi: commonVi, en: commonEn },
	auth: { vi: authVi, en: authEn },
	groups: { vi: groupsVi, en: groupsEn },
	structure: { vi: structureVi, en: structureEn },
	playground: { vi: playgroundVi, en: playgroundEn },
	pledges: { vi: pledgesVi, en: pledgesEn },
	boards: { vi: boardsVi, en: boardsEn },
	actions: { vi: actionsVi, en: actionsEn },
	challenges: { vi: challengesVi, en: challengesEn },
	impact: { vi: impactVi, en: impactEn },
	offline: { vi: offlineVi, en: offlineEn },
	trust: { vi: trustVi, en: trustEn }
} as const;

type Modules = typeof MESSAGE_MODULES;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
	? I
	: never;
type AllVi = UnionToIntersection<Modules[keyof Modules]['vi']>;
export type MessageKey = keyof AllVi & string;

const tables: Record<Locale, Record<string, string>> = { vi: {}, en: {} };
for (const mod of Object.values(MESSAGE_MODULES)) {
	for (const locale of LOCALES) Object.assign(tables[locale], mod[locale]);
}
export const messages = tables;

/**
 * Translates a key on the server. Unknown keys come back as themselves, so a message key that was
 * never declared shows up visibly rather than as an empty string.
 */
export function translate(locale: Locale, key: MessageKey | (string & {}), params?: MessageParams): string {
	return interpolate(tables[locale][key] ?? tables.vi[key] ?? key, params);
}
