import { invalidateAll } from '$app/navigation';
import type { MessageKey } from '$lib/i18n/vi';
import { flushQueue, requeue, sendOrder, type FlushResult, type QueuedItem } from './queue';
import { idbQueue, rememberUser, withQueueLock } from './store';
import { sendQueued } from './send';
import { FRESH_EVENT, QUEUE_SYNC, offlineCopyMark } from './pages';
import { isTyping, watchTyping } from './typing';

export interface Notice {
	key: MessageKey;
	params?: Record<string, string | number>;
}

export type NewItem = Omit<QueuedItem, 'userId' | 'seq' | 'state' | 'attempts' | 'notBefore' | 'refusal'>;

/**
 * The signed-in person's queue as the pages see it: the entries (kept in step with IndexedDB and
 * with other tabs and the service worker), and sending whenever a connection may be there: when
 * the page starts, on the `online` event, after each new entry, and when a backoff runs out.
 */
class Outbox {
	items = $state.raw<QueuedItem[]>([]);
	sending = $state(false);
	notice = $state<Notice | null>(null);
	#userId: number | null = null;
	#seq = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#again = false;
	#channel: BroadcastChannel | null = null;
	#listening = false;

	/** Starts the queue for a person (once; a different person restarts it). */
	start(userId: number) {
		if (this.#userId === userId) return;
		this.#userId = userId;
		this.items = [];
		void rememberUser(userId);
		if (!this.#listening) {
			this.#listening = true;
			watchTyping();
			addEventListener('online', () => void this.flush(true));
			if (typeof BroadcastChannel !== 'undefined') {
				this.#channel = new BroadcastChannel(QUEUE_SYNC);
				// Another tab or the service worker changed the queue, and may have sent some of it.
				this.#channel.onmessage = (e: MessageEvent<{ result?: FlushResult } | null>) =>
					void this.refresh().then(() => e.data?.result && this.#answered(e.data.result));
			}
		}
		void this.refresh().then(() => this.flush());
	}

	async refresh() {
		if (this.#userId === null) return;
		this.items = sendOrder(await idbQueue.list(this.#userId));
	}

	async #changed(result?: FlushResult) {
		await this.refresh();
		this.#channel?.postMessage({ result });
	}

	async enqueue(entry: NewItem) {
		if (this.#userId === null) return;
		const item: QueuedItem = {
			...entry,
			userId: this.#userId,
			seq: this.#seq++,
			state: 'pending',
			attempts: 0,
			notBefore: 0
		};
		await idbQueue.put(item);
		await this.#changed();
		this.notice = { key: 'offline.queued' };
		await askForBackgroundSync();
		void this.flush();
	}

	/** The person corrected an entry (its fields and the words for it), or asks to send it again. */
	async save(id: string, change: { fields?: Record<string, string>; summary?: string }) {
		const item = this.items.find((i) => i.id === id);
		if (!item) return;
		await idbQueue.put({ ...requeue(item, change.fields), summary: change.summary ?? item.summary });
		await this.#changed();
		void this.flush(true);
	}

	async discard(id: string) {
		await idbQueue.remove(id);
		await this.#changed();
	}

	/** Tells the person what the server answered and shows what it now holds. */
	async #answered(result: FlushResult) {
		this.notice = noticeFor(result);
		// The page's data is reloaded (today's list, counters) unless the person is typing the
		// next entry: reloading would start that form afresh.
		if (result.sent > 0 && !isTyping()) {
			await invalidateAll();
			markFresh();
		}
	}

	/** Sends what is waiting; `force` ignores the backoff (the connection just came back). */
	async flush(force = false) {
		const userId = this.#userId;
		if (userId === null) return;
		if (this.sending) {
			this.#again = true;
			return;
		}
		if (!navigator.onLine || !this.items.some((i) => i.state === 'pending')) return;
		clearTimeout(this.#timer);
		this.sending = true;
		let result: FlushResult;
		try {
			result = await withQueueLock(() => flushQueue(idbQueue, userId, (i) => sendQueued(i), { force }));
		} finally {
			this.sending = false;
		}
		await this.#changed(result);
		if (result.retryAt !== null) {
			this.#timer = setTimeout(() => void this.flush(), Math.max(1000, result.retryAt - Date.now()));
		}
		await this.#answered(result);
		if (this.#again) {
			this.#again = false;
			void this.flush(force);
		}
	}
}

/** The page now shows what the server holds: it is no longer the copy kept for offline use. */
function markFresh() {
	const copy = offlineCopyMark();
	if (!copy || !navigator.onLine) return;
	copy.remove();
	dispatchEvent(new Event(FRESH_EVENT));
}

function noticeFor(r: FlushResult): Notice | null {
	if (r.stopped === 'signedOut') return { key: 'offline.signedOut' };
	if (r.refused > 0) return { key: 'offline.someRefused', params: { n: r.refused } };
	if (r.sent > 0) return { key: 'offline.sent', params: { n: r.sent } };
	if (r.stopped === 'unreachable') return { key: 'offline.unreachable' };
	return null;
}

/** Background Sync (where the browser has it) sends the queue even after the page is closed. */
async function askForBackgroundSync() {
	try {
		const registration = await navigator.serviceWorker?.getRegistration();
		const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)?.sync;
		await sync?.register(QUEUE_SYNC);
	} catch {
		// Not offered (or refused): the online event and the next page load still send it.
	}
}

export const outbox = new Outbox();
