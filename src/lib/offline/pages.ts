/** What the service worker and the pages agree on: cache names, the daily pages, channel names. */

/** Signed-in pages kept on the device (the last copy seen online), wiped on sign-out. */
export const PAGE_CACHE = 'songxanh-pages';
export const OFFLINE_PAGE = '/offline.html';
/** Background Sync tag and BroadcastChannel name for the queue. */
export const QUEUE_SYNC = 'songxanh-queue';
/** The mark the service worker puts in a kept copy's <head> (its content: when it was kept). */
export const OFFLINE_COPY = 'songxanh-offline-copy';
/** Fired on `window` once a kept copy shows the server's data again. */
export const FRESH_EVENT = 'songxanh:fresh';
/** Set in localStorage while the device holds someone's private data (a cheap check for signed-out pages). */
export const PRIVATE_FLAG = 'sx-private';

/** The kept-copy mark of this page, if it is a kept copy. */
export function offlineCopyMark(): HTMLMetaElement | null {
	return typeof document === 'undefined'
		? null
		: document.querySelector<HTMLMetaElement>(`meta[name="${OFFLINE_COPY}"]`);
}

/** The pages a signed-in person uses every day: these open without a connection. */
export function isDailyPage(pathname: string): boolean {
	return (
		pathname === '/' ||
		pathname === '/today' ||
		pathname === '/steward' ||
		pathname === '/pledges' ||
		pathname === '/me' ||
		/^\/pledges\/\d{1,12}$/.test(pathname)
	);
}
