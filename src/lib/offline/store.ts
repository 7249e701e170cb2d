import { clear, createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import type { QueuedItem, QueueStore } from './queue';
import type { DirectoryEntry } from '$lib/domain/contributors';
import { PRIVATE_FLAG } from './pages';

/**
 * Where the offline queue and the private lookup data live on the device: IndexedDB, shared by
 * the pages and the service worker. The queue keeps each person's entries apart; the private
 * store (who is signed in, the steward's contributor list) is wiped when they sign out.
 */
let queueDb: UseStore | null = null;
let privateDb: UseStore | null = null;
const queueStore = () => (queueDb ??= createStore('songxanh-queue', 'items'));
const privateStore = () => (privateDb ??= createStore('songxanh-private', 'kv'));

export const idbQueue: QueueStore = {
	async list(userId) {
		return (await values<QueuedItem>(queueStore())).filter((i) => i.userId === userId);
	},
	put: (item) => set(item.id, item, queueStore()),
	remove: (id) => del(id, queueStore())
};

/** Remembers who is signed in, so a background sync sends only their entries. */
export async function rememberUser(userId: number): Promise<void> {
	globalThis.localStorage?.setItem(PRIVATE_FLAG, '1');
	await set('user', userId, privateStore());
}

export async function signedInUser(): Promise<number | null> {
	return (await get<number>('user', privateStore())) ?? null;
}

export interface Directory {
	refreshedAt: number;
	entries: DirectoryEntry[];
}

const directoryKey = (userId: number, pointId: number) => `dir:${userId}:${pointId}`;

export const loadDirectory = (userId: number, pointId: number) =>
	get<Directory>(directoryKey(userId, pointId), privateStore());

export const saveDirectory = (userId: number, pointId: number, directory: Directory) =>
	set(directoryKey(userId, pointId), directory, privateStore());

/** Signing out: the private store goes, and with it (when given) that person's queued entries. */
export async function forgetPrivate(userId?: number): Promise<void> {
	await clear(privateStore());
	if (userId !== undefined) {
		for (const item of await idbQueue.list(userId)) await idbQueue.remove(item.id);
	}
	globalThis.localStorage?.removeItem(PRIVATE_FLAG);
}

/** Runs one flush at a time across tabs and the service worker (where Web Locks exist). */
export function withQueueLock<T>(run: () => Promise<T>): Promise<T> {
	const locks = (globalThis.navigator as Navigator | undefined)?.locks;
	return locks ? locks.request('songxanh-queue', run) : run();
}
