import { expect, type Page } from '@playwright/test';

/** Helpers for the offline journeys (steward-offline and today-offline specs). */

/** Waits until the service worker controls the page and has kept a copy of it for offline use. */
export async function waitUntilKept(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect
		.poll(() =>
			page.evaluate(async () => {
				if (!navigator.serviceWorker.controller) return false;
				const cache = await caches.open('songxanh-pages');
				return !!(await cache.match(location.href));
			})
		)
		.toBe(true);
}

export interface StoredItem {
	id: string;
	userId: number;
	fields: Record<string, string>;
	[k: string]: unknown;
}

/** The offline queue as IndexedDB holds it (what a curious person could read and change). */
export function readQueue(page: Page): Promise<StoredItem[]> {
	return page.evaluate(
		() =>
			new Promise<StoredItem[]>((resolve, reject) => {
				const open = indexedDB.open('songxanh-queue');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const all = open.result.transaction('items').objectStore('items').getAll();
					all.onsuccess = () => {
						open.result.close();
						resolve(all.result as StoredItem[]);
					};
				};
			})
	);
}

/** Writes entries straight into the queue and tells the page, as another tab would. */
export async function writeQueue(page: Page, items: StoredItem[]) {
	await page.evaluate(
		(rows) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('songxanh-queue');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('items', 'readwrite');
					for (const row of rows) tx.objectStore('items').put(row, row.id);
					tx.oncomplete = () => {
						open.result.close();
						new BroadcastChannel('songxanh-queue').postMessage({});
						resolve();
					};
				};
			}),
		items
	);
}
