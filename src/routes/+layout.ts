import loadMessages from 'virtual:sx-messages';
import type { LayoutLoad } from './$types';

// Each page loads its own small message table in its language (src/lib/i18n/route-keys-plugin.ts);
// reading `route` makes this run again on a navigation, for the next page's table.
export const load: LayoutLoad = async ({ data, route }) => {
	const table = await loadMessages(data.locale, route.id);
	// A confirmation another page left brings its own words.
	const messages = data.flash ? { ...table, [data.flash.key]: data.flash.message } : table;
	return { ...data, messages };
};
