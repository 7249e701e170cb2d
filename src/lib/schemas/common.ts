import { z } from 'zod';

/** Longest value any free-text field accepts before validation even looks at it. */
export const MAX_TEXT = 2000;

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
 * A public name, for children and adults alike: 2–30 characters, letters required, no e-mail
 * addresses or links (it is shown to everyone).
 */
export const nicknameSchema = text(30, 2).pipe(
	z
		.string()
		.refine((s) => /\p{L}/u.test(s), { error: 'structure.nickname.needsLetter' })
		.refine((s) => !/[@/\\<>]|https?:|www\./i.test(s), { error: 'structure.nickname.invalid' })
);
