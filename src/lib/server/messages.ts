import routeKeys from 'virtual:sx-route-keys';
import type { Message } from '$lib/i18n/define';
import { messages, type MessageKey } from '$lib/i18n';
import type { Locale } from '$lib/i18n/locales';

export type PageMessages = Partial<Record<MessageKey, Message>>;

const ALL_KEYS = Object.keys(messages.vi) as MessageKey[];
const keysByRoute = new Map<string, MessageKey[]>();
const tables = new Map<string, PageMessages>();

/** The keys a page's code can show (worked out from the source at build time: route-keys.ts). */
export function routeMessageKeys(routeId: string | null): MessageKey[] {
	const id = routeId !== null && Object.hasOwn(routeKeys, routeId) ? routeId : '';
	let keys = keysByRoute.get(id);
	if (!keys) {
		const uses = routeKeys[id] ?? { literals: [], patterns: [] };
		const literals = new Set(uses.literals);
		const patterns = uses.patterns.map((p) => new RegExp(p));
		keys = ALL_KEYS.filter((key) => literals.has(key) || patterns.some((p) => p.test(key)));
		keysByRoute.set(id, keys);
	}
	return keys;
}

/**
 * The messages a page needs in `locale`: the ones its code can show, plus `extra` (a confirmation
 * another page left). The browser gets them with the page's data instead of a whole language's
 * table, so a page carries a few kilobytes of text, not every page's. Built once per route.
 */
export function pageMessages(locale: Locale, routeId: string | null, extra: MessageKey[] = []): PageMessages {
	const name = `${locale} ${routeId ?? ''}`;
	let table = tables.get(name);
	if (!table) {
		const all = messages[locale];
		table = Object.fromEntries(routeMessageKeys(routeId).map((key) => [key, all[key]])) as PageMessages;
		tables.set(name, table);
	}
	const missing = extra.filter((key) => !Object.hasOwn(table, key));
	if (missing.length === 0) return table;
	return { ...table, ...Object.fromEntries(missing.map((key) => [key, messages[locale][key]])) };
}
