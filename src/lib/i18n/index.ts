import { render, type Message } from './define';
import type { Locale } from './locales';
import vi, { type MessageArgs, type MessageKey } from './vi';
import en from './en';

export type { MessageKey, MessageArgs } from './vi';

/** Both languages' tables, for the server and tests (a browser gets each page's own keys: route-keys-plugin.ts). */
export const messages: Record<Locale, Record<MessageKey, Message>> = { vi, en };

/** Whether a string from outside (a cookie, an error) is a declared message key. */
export function isMessageKey(value: string): value is MessageKey {
	return Object.hasOwn(vi, value);
}

/** Translates a key on the server (CSV headers, exports). */
export function translate<K extends MessageKey>(locale: Locale, key: K, ...[params]: MessageArgs<K>): string {
	return render(locale, messages[locale][key] ?? messages.vi[key], key, params);
}
