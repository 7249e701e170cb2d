/**
 * The English table of a domain must have exactly the Vietnamese keys, so a missing translation
 * fails type-checking (and `i18n.test.ts` checks it again at run time). Placeholders are `{name}`.
 * Each domain has messages/<domain>/vi.ts and en.ts, so a browser bundle can take one language.
 */
export type Translations<V> = { [K in keyof V]: string };

export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; unknown ones are left as they are. */
export function interpolate(text: string, params?: MessageParams): string {
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
