import { error } from '@sveltejs/kit';
import { idempotencyKeySchema } from '$lib/schemas/common';

/** A form read by `readForm`: one string per field, arrays only where the form declares a list. */
export type FormFields = Record<string, string | string[]>;

/** More fields than any form here has, by far. */
const MAX_FIELDS = 200;

/**
 * The one place every action reads its form, before zod sees it. A field sent twice, a file, or a
 * body that is not a form is refused with a 400 (`form.malformed`) here, for every form: such a
 * request can only come from a hand-made or tampered post. Fields listed in `arrays` (checkbox
 * lists) come back as arrays, however many values arrived.
 */
export async function readForm(
	event: { request: Request },
	options: { arrays?: readonly string[] } = {}
): Promise<FormFields> {
	const arrays = new Set(options.arrays ?? []);
	let data: FormData;
	try {
		data = await event.request.formData();
	} catch {
		error(400, { message: 'form.malformed' });
	}
	const out: FormFields = {};
	let n = 0;
	for (const [key, value] of data.entries()) {
		if (typeof value !== 'string' || ++n > MAX_FIELDS) error(400, { message: 'form.malformed' });
		const prev = out[key];
		if (arrays.has(key)) out[key] = [...((prev as string[] | undefined) ?? []), value];
		else if (prev === undefined) out[key] = value;
		else error(400, { message: 'form.malformed' });
	}
	for (const key of arrays) out[key] ??= [];
	return out;
}

/** A form's string fields, cut to a sane length, to refill the form after a refusal. */
export function refillValues(form: FormFields, keys: readonly string[], max = 2000): Record<string, string> {
	const out: Record<string, string> = {};
	for (const k of keys) out[k] = typeof form[k] === 'string' ? (form[k] as string).slice(0, max) : '';
	return out;
}

/**
 * The idempotency key a create or reset form carries (hidden field `idempotencyKey`, made by the
 * page's load); a missing or odd one is a 400, like any other malformed form.
 */
export function formKey(form: FormFields): string {
	const key = idempotencyKeySchema.safeParse(form.idempotencyKey);
	if (!key.success) error(400, { message: 'form.malformed' });
	return key.data;
}
