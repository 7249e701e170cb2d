import type { MessageParams } from '$lib/i18n/define';
import type { MessageKey } from '$lib/i18n/vi';
import type { FieldErrors } from './common';

/**
 * What every refused form gets back (`fail(status, FormFailure)`, built by lib/server/refuse.ts):
 * which form on the page failed (`form`, for pages with several), the values to refill, a message
 * key per field, and one message for the whole form with its parameters. FormMessage.svelte shows it.
 */
export interface FormFailure {
	form: string | null;
	values: Record<string, string>;
	errors: FieldErrors;
	message: MessageKey | null;
	params: MessageParams;
}

/** The failure if it belongs to the form named `name` (pages with several forms), else null. */
export function failureOf<F extends Partial<FormFailure>>(
	failure: F | null | undefined,
	name: string
): F | null {
	return failure?.form === name ? failure : null;
}
