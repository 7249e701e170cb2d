/** What the service worker and the pages agree on: cache names, the daily pages, channel names. */

/** Signed-in pages kept on the device (the last copy seen online), wiped on sign-out. */
export const PAGE_CACHE = 'songxanh-pages';
export const OFFLINE_PAGE = '/offline.html';
/** Background Sync tag and BroadcastChannel name for the queue. */
export const QUEUE_SYNC = 'songxanh-queue';

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
