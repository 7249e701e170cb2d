/** A form's string fields, cut to a sane length, to refill the form after a refusal. */
export function refillValues(
	form: Record<string, string | string[]>,
	keys: readonly string[],
	max = 2000
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const k of keys) out[k] = typeof form[k] === 'string' ? (form[k] as string).slice(0, max) : '';
	return out;
}
