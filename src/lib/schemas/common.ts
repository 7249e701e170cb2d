import { z } from 'zod';
import { msg } from '$lib/i18n/msg';
import type { MessageKey } from '$lib/i18n/vi';

/** Longest value any free-text field accepts before validation even looks at it. */
const MAX_TEXT = 2000;

/** A required, trimmed single-line string; the messages are i18n keys. */
export function text(max = 200, min = 1) {
	return z
		.string({ error: msg('form.required') })
		.max(MAX_TEXT * 10, { error: msg('form.tooLong') })
		.transform((s) => s.trim().replace(/\s+/g, ' '))
		.pipe(
			z
				.string()
				.min(min, { error: min <= 1 ? msg('form.required') : msg('form.tooShort') })
				.max(max, { error: msg('form.tooLong') })
		);
}

export const idSchema = z.coerce
	.number({ error: msg('form.invalid') })
	.int({ error: msg('form.invalid') })
	.positive({ error: msg('form.invalid') })
	.max(Number.MAX_SAFE_INTEGER, { error: msg('form.invalid') });

export const idempotencyKeySchema = z
	.string({ error: msg('form.invalid') })
	.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: msg('form.invalid') });

// Every message a schema gives is a key: each schema names its own with msg(), and any issue that
// names none (zod's built-in checks) says this one, so a page never shows zod's English.
z.config({ customError: () => msg('form.invalid') });

/** Per-field errors: message keys, which the page translates. */
export type FieldErrors = Record<string, MessageKey>;

/** First error per field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const out: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '_');
		// Sound by construction: see z.config above and msg() in every schema.
		out[field] ??= issue.message as MessageKey;
	}
	return out;
}

/** The first error of all, for forms that show one message. */
export function firstError(error: z.ZodError): MessageKey {
	return Object.values(fieldErrors(error))[0] ?? msg('form.invalid');
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
