import type { LayoutLoad } from './$types';

// Each language's messages are their own chunk: a browser loads only the one it shows.
export const load: LayoutLoad = async ({ data }) => {
	const messages =
		data.locale === 'en' ? (await import('$lib/i18n/en')).default : (await import('$lib/i18n/vi')).default;
	return { ...data, messages };
};
