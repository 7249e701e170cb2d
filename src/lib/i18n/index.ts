import { LOCALES, type Locale } from './locales';
import common from './messages/common';
import auth from './messages/auth';
import groups from './messages/groups';
import structure from './messages/structure';
import playground from './messages/playground';
import pledges from './messages/pledges';
import boards from './messages/boards';
import actions from './messages/actions';
import challenges from './messages/challenges';

export { LOCALES, type Locale, isLocale, intlLocale } from './locales';

/** Every domain's messages; a new domain adds its file here. */
export const MESSAGE_MODULES = { common, auth, groups, structure, playground, pledges, boards, actions, challenges } as const;

type Modules = typeof MESSAGE_MODULES;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllVi = UnionToIntersection<Modules[keyof Modules]['vi']>;
export type MessageKey = keyof AllVi & string;

const tables: Record<Locale, Record<string, string>> = { vi: {}, en: {} };
for (const mod of Object.values(MESSAGE_MODULES)) {
	for (const locale of LOCALES) Object.assign(tables[locale], mod[locale]);
}
export const messages = tables;

export type MessageParams = Record<string, string | number>;

/**
 * Translates a key. Unknown keys come back as themselves, so a server-side message key that was
 * never declared shows up visibly rather than as an empty string.
 */
export function translate(locale: Locale, key: MessageKey | (string & {}), params?: MessageParams): string {
	const text = tables[locale][key] ?? tables.vi[key] ?? key;
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}
