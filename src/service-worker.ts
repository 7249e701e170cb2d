/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// The service worker: keeps the app shell (every built file and static asset) and the last copy
// of each daily page a signed-in person opened, serves them when the network is gone, shows the
// offline page for anything else, and sends the offline queue on Background Sync.
import { build, files, version } from '$service-worker';
import { OFFLINE_COPY, OFFLINE_PAGE, PAGE_CACHE, QUEUE_SYNC, isDailyPage } from '$lib/offline/pages';
import { flushQueue } from '$lib/offline/queue';
import { idbQueue, signedInUser, withQueueLock } from '$lib/offline/store';
import { sendQueued } from '$lib/offline/send';

const sw = self as unknown as ServiceWorkerGlobalScope;
const ASSETS = `songxanh-assets-${version}`;
const SHELL = new Set([...build, ...files]);
const KEPT_AT = 'x-songxanh-kept-at';
/** A daily page copied less than this long ago is not fetched again for the cache. */
const FRESH_MS = 60_000;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(ASSETS)
			.then((cache) => cache.addAll([...SHELL]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			// Kept pages name the previous version's files: they go with it.
			for (const key of await caches.keys()) if (key !== ASSETS) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

/** Keeps a signed-in page (the network's answer) with the time it was kept. */
async function keep(url: URL, response: Response) {
	const type = response.headers.get('content-type') ?? '';
	if (!response.ok || response.redirected || !type.includes('text/html')) return;
	const headers = new Headers(response.headers);
	headers.set(KEPT_AT, String(Date.now()));
	const copy = new Response(await response.blob(), { status: 200, headers });
	await (await caches.open(PAGE_CACHE)).put(url.href, copy);
}

/** The kept copy of a page, marked so the page knows its forms' keys may be spent. */
async function keptCopy(url: URL): Promise<Response | undefined> {
	const cache = await caches.open(PAGE_CACHE);
	const found =
		(await cache.match(url.href)) ??
		(url.search ? undefined : await cache.match(url.href, { ignoreSearch: true }));
	if (!found) return undefined;
	const keptAt = found.headers.get(KEPT_AT) ?? '0';
	const html = (await found.text()).replace(
		'<head>',
		`<head><meta name="${OFFLINE_COPY}" content="${Number(keptAt)}">`
	);
	return new Response(html, { status: 200, headers: found.headers });
}

async function navigate(request: Request, url: URL): Promise<Response> {
	const daily = isDailyPage(url.pathname);
	try {
		const response = await fetch(request);
		if (daily && response.type === 'opaqueredirect') {
			// A daily page sends a signed-out person to sign in: their copy must not outlive that.
			await (await caches.open(PAGE_CACHE)).delete(url.href);
		} else if (daily) {
			await keep(url, response.clone());
		}
		return response;
	} catch {
		return (
			(daily ? await keptCopy(url) : undefined) ??
			(await caches.match(OFFLINE_PAGE)) ??
			new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } })
		);
	}
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (SHELL.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
	} else if (request.mode === 'navigate') {
		event.respondWith(navigate(request, url));
	}
});

/** A page asks for a copy of a daily page it reached inside the app. */
async function keepPage(href: string) {
	const url = new URL(href);
	if (url.origin !== sw.location.origin || !isDailyPage(url.pathname)) return;
	const kept = await (await caches.open(PAGE_CACHE)).match(url.href);
	if (kept && Date.now() - Number(kept.headers.get(KEPT_AT)) < FRESH_MS) return;
	try {
		const response = await fetch(url.href, {
			credentials: 'same-origin',
			headers: { accept: 'text/html', 'x-songxanh-keep': '1' }
		});
		await keep(url, response);
	} catch {
		// Offline again already: the older copy stays.
	}
}

sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; url?: string } | null;
	if (data?.type === 'keep-page' && typeof data.url === 'string') event.waitUntil(keepPage(data.url));
});

/** Background Sync: send the signed-in person's queue; a run that got no answer is retried by the browser. */
async function syncQueue() {
	const userId = await signedInUser();
	if (userId === null) return;
	const result = await withQueueLock(() => flushQueue(idbQueue, userId, (item) => sendQueued(item)));
	new BroadcastChannel(QUEUE_SYNC).postMessage({ result });
	if (result.stopped === 'unreachable') throw new Error('queue: no answer yet');
}

sw.addEventListener('sync', (event) => {
	const sync = event as Event & { tag: string; waitUntil(p: Promise<unknown>): void };
	if (sync.tag === QUEUE_SYNC) sync.waitUntil(syncQueue());
});
