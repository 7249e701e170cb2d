/**
 * Declares one domain's messages. The English table must have exactly the Vietnamese keys, so a
 * missing translation fails type-checking (and `i18n.test.ts` checks it again at run time).
 * Placeholders are written `{name}`.
 */
export function defineMessages<const V extends Record<string, string>>(
	vi: V,
	en: { [K in keyof V]: string }
): { vi: V; en: { [K in keyof V]: string } } {
	return { vi, en };
}
