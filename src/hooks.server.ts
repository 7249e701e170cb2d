import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { getDb } from '$lib/server/db';
import { DatabaseStartError } from '$lib/server/db/startup';
import { pruneReceipts } from '$lib/server/db/receipts';
import { pruneLimits } from '$lib/server/auth/rate-limit';
import { isHttps } from '$lib/server/auth/cookies';
import { deviceFor } from '$lib/server/auth/device';
import { authHandle } from '$lib/server/auth/handle';
import { resolveLocale } from '$lib/server/locale';
import { writeErrorPage } from '$lib/server/error-page';

/**
 * Opens, checks, migrates and seeds the database before the server listens. When that fails the
 * operator gets one line (what, why, what to do) and the process exits non-zero, instead of a
 * server that answers 500s.
 */
export const init: ServerInit = async () => {
	let db;
	try {
		db = await getDb();
	} catch (error) {
		if (dev || !(error instanceof DatabaseStartError)) throw error;
		console.error(`[songxanh] Cannot start: ${error.message}`);
		process.exit(1);
	}
	const tidy = () => Promise.all([pruneLimits(db), pruneReceipts(db)]).catch((e) => console.error(e));
	await tidy();
	setInterval(tidy, 3600_000).unref();
};

const device: Handle = async ({ event, resolve }) => {
	// Monitoring probes get no cookie.
	event.locals.device =
		event.url.pathname === '/healthz' ? { id: '', fresh: true } : await deviceFor(await getDb(), event);
	return resolve(event);
};

const language: Handle = async ({ event, resolve }) => {
	event.locals.locale = resolveLocale(event);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};

/**
 * Outermost, so that an error in any later hook is covered too: the page SvelteKit makes for an
 * error outside a page (src/error.html) is written in the reader's language, never as a key.
 */
const errorPages: Handle = async ({ event, resolve }) =>
	writeErrorPage(await resolve(event), event.locals.locale ?? resolveLocale(event));

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
	// Browsers ignore HSTS over plain http, and sending it there would only confuse a local setup.
	if (isHttps(event)) response.headers.set('Strict-Transport-Security', 'max-age=31536000');
	return response;
};

export const handle = sequence(errorPages, securityHeaders, device, authHandle, language);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'error.404' : 'error.500' };
};
