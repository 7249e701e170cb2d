import { isMessageKey, translate } from '$lib/i18n';
import type { Locale } from '$lib/i18n/locales';

const MESSAGE = /<p data-sx="message">([^<]*)<\/p>/;
const LABEL = /(<[a-z0-9]+ [^>]*data-sx="([a-z0-9.]+)"[^>]*>)[^<]*/g;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * SvelteKit's page for an error outside a page (src/error.html: a refused file, an endpoint, a
 * request turned away in a hook) names the error's message key. Writes it, the page's labels and
 * its language out for the reader; any other answer passes untouched. A key this table does not
 * have, or a message that needs parameters the error did not bring, reads as the status's own.
 */
export async function writeErrorPage(response: Response, locale: Locale): Promise<Response> {
	if (response.status < 400 || !response.headers.get('content-type')?.startsWith('text/html'))
		return response;
	const html = await response.clone().text();
	const found = MESSAGE.exec(html);
	if (!found) return response;
	const key = found[1].trim();
	const statusKey = `error.${response.status}`;
	const candidates = [key, statusKey, 'error.500'].filter(isMessageKey);
	const message = candidates.map((k) => translate(locale, k)).find((text) => !/\{\w+\}/.test(text)) ?? '';
	const body = html
		.replace('<html lang="vi">', `<html lang="${locale}">`)
		.replace(MESSAGE, `<p data-sx="message">${escapeHtml(message)}</p>`)
		.replace(LABEL, (whole, open: string, label: string) =>
			isMessageKey(label) ? `${open}${escapeHtml(translate(locale, label))}` : whole
		);
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
