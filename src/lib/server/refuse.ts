import { fail } from '@sveltejs/kit';
import type { FormFailure } from '$lib/schemas/form-failure';

type Refusal = Omit<Partial<FormFailure>, 'values'> & {
	/** What was sent: its strings come back to refill the form (cut to a sane length). */
	values?: Readonly<Record<string, unknown>>;
};

/**
 * Refuses a form with the one shape every page reads (FormFailure, shown by FormMessage.svelte):
 * `fail(status, …)` with what was given and empty defaults for the rest. An error zod files under
 * `_` (a rule across fields) becomes the form's message. Data a page shows beside the form (a list
 * of candidates, say) goes in `extra`.
 */
export function refuse<E extends object = Record<never, never>>(status: number, refusal: Refusal, extra?: E) {
	const { _: formWide, ...errors } = refusal.errors ?? {};
	const values: Record<string, string> = {};
	for (const [key, value] of Object.entries(refusal.values ?? {}))
		if (typeof value === 'string') values[key] = value.slice(0, 2000);
	const failure: FormFailure = {
		form: refusal.form ?? null,
		values,
		errors,
		message: refusal.message ?? formWide ?? null,
		params: refusal.params ?? {}
	};
	return fail(status, { ...(extra as E), ...failure });
}
