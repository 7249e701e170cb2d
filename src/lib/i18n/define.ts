import { numberFormatter, pluralRules } from '$lib/utils/intl-cache';
import { intlLocale, type Locale } from './locales';

/**
 * How messages are written. Each domain keeps messages/<domain>/vi.ts (the source: its keys,
 * placeholders and their types) and en.ts (the same keys), so a browser chunk holds one language.
 * A message is a string with `{name}` placeholders, or plural forms chosen by the count `{n}`:
 * English says `{ one: '{n} point', other: '{n} points' }`; Vietnamese needs only a string.
 */
export interface Plural {
	zero?: string;
	one?: string;
	two?: string;
	few?: string;
	many?: string;
	other: string;
}
export type Message = string | Plural;

/** Another language's table for a domain: exactly the Vietnamese keys (a missing one fails `check`). */
export type Translations<V> = { readonly [K in keyof V]: Message };

type Holes<S> = S extends `${string}{${infer P}}${infer R}` ? P | Holes<R> : never;
type HolesOf<M> = M extends string ? Holes<M> : M extends Plural ? Holes<M[keyof M]> : never;

/** A message's parameters: one per placeholder; `n` is always a count (it picks the plural form). */
export type ParamsOf<M> = { [P in HolesOf<M>]: P extends 'n' ? number : string | number };

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Fills a message for `locale`: picks the plural form for `params.n`, then fills placeholders,
 * writing numbers the locale's way (1.234 in Vietnamese, 1,234 in English). A missing message
 * shows its key, so an undeclared key is visible rather than blank.
 */
export function render(locale: Locale, message: Message | undefined, key: string, params?: MessageParams) {
	if (message === undefined) return key;
	const tag = intlLocale(locale);
	const text =
		typeof message === 'string'
			? message
			: (message[pluralRules(tag).select(Number(params?.n ?? 0))] ?? message.other);
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === 'number' ? numberFormatter(tag).format(value) : value;
	});
}
