import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messages } from '$lib/i18n';
import { writeErrorPage } from './error-page';

const TEMPLATE = readFileSync(join(import.meta.dirname, '..', '..', 'error.html'), 'utf8');

/** The page SvelteKit makes from src/error.html (it escapes the message). */
const fallback = (status: number, message: string) =>
	new Response(
		TEMPLATE.replaceAll('%sveltekit.status%', String(status)).replace('%sveltekit.error.message%', message),
		{
			status,
			headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': '123' }
		}
	);

describe('writeErrorPage', () => {
	it("writes a refused file's reason, labels and language for the reader", async () => {
		const res = await writeErrorPage(fallback(403, 'impact.error.outsideRights'), 'en');
		const html = await res.text();
		expect(res.status).toBe(403);
		expect(html).toContain(`<p data-sx="message">${messages.en['impact.error.outsideRights']}</p>`);
		expect(html).toContain('<html lang="en">');
		expect(html).toContain(`${messages.en['error.title']}</span> (403)`);
		expect(html).toContain(`>${messages.en['error.back']}</a>`);
		expect(html).not.toContain('impact.error');
		expect(res.headers.get('content-length')).toBeNull();
	});

	it('reads an unknown message, or one missing its parameters, as the status says', async () => {
		const unknown = await (await writeErrorPage(fallback(404, 'Not Found'), 'vi')).text();
		expect(unknown).toContain(`<p data-sx="message">${messages.vi['error.404']}</p>`);
		const needsParams = Object.keys(messages.vi).find((k) =>
			/\{\w+\}/.test(String(messages.vi[k as 'app.name']))
		)!;
		const bare = await (await writeErrorPage(fallback(403, needsParams), 'vi')).text();
		expect(bare).toContain(`<p data-sx="message">${messages.vi['error.403']}</p>`);
	});

	it('leaves every other answer alone', async () => {
		const page = new Response('<h1>Có lỗi xảy ra (404)</h1>', {
			status: 404,
			headers: { 'content-type': 'text/html' }
		});
		expect(await writeErrorPage(page, 'en')).toBe(page);
		const json = new Response('{"message":"impact.error.outsideRights"}', {
			status: 403,
			headers: { 'content-type': 'application/json' }
		});
		expect(await writeErrorPage(json, 'en')).toBe(json);
		const ok = new Response('<p data-sx="message">x</p>', {
			status: 200,
			headers: { 'content-type': 'text/html' }
		});
		expect(await writeErrorPage(ok, 'en')).toBe(ok);
	});
});
