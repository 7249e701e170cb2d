import { z } from 'zod';

/** Longest value any free-text field accepts before validation even looks at it. */
const MAX_TEXT = 2000;

/** A required, trimmed single-line string; the messages are i18n keys. */
export function text(max = 200, min = 1) {
	return z
		.string({ error: 'form.required' })
		.max(MAX_TEXT * 10, { error: 'form.tooLong' })
		.transform((s) => s.trim().replace(/\s+/g, ' '))
		.pipe(
			z
				.string()
				.min(min, { error: min <= 1 ? 'form.required' : 'form.tooShort' })
				.max(max, { error: 'form.tooLong' })
		);
}

export const idSchema = z.coerce
	.number({ error: 'form.invalid' })
	.int({ error: 'form.invalid' })
	.positive({ error: 'form.invalid' })
	.max(Number.MAX_SAFE_INTEGER, { error: 'form.invalid' });

export const idempotencyKeySchema = z
	.string({ error: 'form.invalid' })
	.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'form.invalid' });

export type FieldErrors = Record<string, string>;

/** First error per field, as i18n keys. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const out: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '_');
		out[field] ??= issue.message;
	}
	return out;
}

/**
 * A FormData as a plain object of strings (repeated names become arrays). Files are dropped:
 * no form here takes uploads.
 */
export function formObject(data: FormData): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of data.entries()) {
		if (typeof value !== 'string') continue;
		const prev = out[key];
		if (prev === undefined) out[key] = value;
		else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	return out;
}
