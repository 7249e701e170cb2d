// The module the route-messages Vite plugin writes (route-keys-plugin.ts).
declare module 'virtual:sx-messages' {
	import type { Message } from '$lib/i18n/define';
	import type { Locale } from '$lib/i18n/locales';
	import type { MessageKey } from '$lib/i18n/vi';
	/** The messages a page (by route id; null for a path no route matches) can show, in `locale`. */
	const loadMessages: (
		locale: Locale,
		routeId: string | null
	) => Promise<Partial<Record<MessageKey, Message>>>;
	export default loadMessages;
}
