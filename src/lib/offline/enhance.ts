import type { SubmitFunction } from '@sveltejs/kit';
import { page } from '$app/state';
import { DEFAULT_TIMEZONE, localDay } from '$lib/utils/dates';
import type { QueueKind } from './queue';
import { offlineCopyMark } from './pages';

export interface QueueSpec {
	kind: QueueKind;
	/** Words for the waiting list, from the form's fields (after `prepare`) and the device's day. */
	summary: (fields: Record<string, string>, day: string) => string;
	/** Last touches with the device's time and day (e.g. which day an action is for). */
	prepare?: (fields: Record<string, string>, day: string) => Record<string, string>;
	/** After queueing: make the form ready for the next entry. */
	after?: (form: HTMLFormElement) => void;
}

/** Keys this page already handed to the queue: never handed over twice. */
const queuedKeys = new Set<string>();

/** Whether this page is the copy the service worker kept (its forms hold keys that may be spent). */
export const isOfflineCopy = () => offlineCopyMark() !== null;

function newKey(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(18));
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_');
}

async function enqueue(
	spec: QueueSpec,
	formData: FormData,
	action: URL,
	form: HTMLFormElement,
	keepKey: boolean
) {
	const madeAt = Date.now();
	const timeZone = typeof page.data.timeZone === 'string' ? page.data.timeZone : DEFAULT_TIMEZONE;
	const day = localDay(madeAt, timeZone);
	let fields: Record<string, string> = {};
	for (const [k, v] of formData) if (typeof v === 'string') fields[k] = v;
	// The form's key is kept only when its one online attempt got no answer (the server may hold
	// it); otherwise a stale page could hand out a key that was already spent.
	const formKey = fields.idempotencyKey;
	fields.idempotencyKey = keepKey && formKey && !queuedKeys.has(formKey) ? formKey : newKey();
	queuedKeys.add(fields.idempotencyKey);
	if (formKey) queuedKeys.add(formKey);
	if (spec.prepare) fields = spec.prepare(fields, day);
	// Loaded on first use (the page's queue list has usually loaded it already).
	const { outbox } = await import('./outbox.svelte');
	await outbox.enqueue({
		id: fields.idempotencyKey,
		kind: spec.kind,
		action: action.pathname + action.search,
		fields,
		madeAt,
		localDay: day,
		summary: spec.summary(fields, day)
	});
	spec.after?.(form);
}

/**
 * Wraps a form's `use:enhance`: with no connection (or on the copy kept for offline use) the
 * submission goes into the device's queue instead, and a send that got no answer at all is queued
 * too. Everything else is the page's own enhance, unchanged; without JavaScript the form posts as
 * it always did.
 */
export function queueWhenOffline(spec: QueueSpec, online?: SubmitFunction): SubmitFunction {
	return async (input) => {
		if (!navigator.onLine || isOfflineCopy()) {
			input.cancel();
			await enqueue(spec, input.formData, input.action, input.formElement, false);
			return;
		}
		const after = await online?.(input);
		return async (opts) => {
			const noAnswer = opts.result.type === 'error' && !('status' in opts.result && opts.result.status);
			if (noAnswer) {
				await after?.({ ...opts, update: async () => {} });
				await enqueue(spec, opts.formData, opts.action, opts.formElement, true);
				return;
			}
			if (after) await after(opts);
			else await opts.update();
		};
	};
}
