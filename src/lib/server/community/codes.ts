import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read off posters and typed on cheap phones. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CLASS_CODE_LENGTH = 6;
export const INVITE_CODE_LENGTH = 8;

/** A random code from the unambiguous alphabet. */
export function generateCode(length = CLASS_CODE_LENGTH): string {
	let out = '';
	for (let i = 0; i < length; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return out;
}

/** What a person typed, as a code to look up: case, spaces and dashes do not matter. */
export function normaliseCode(raw: string): string {
	return raw.toUpperCase().replace(/[\s-]+/g, '');
}

/** Whether a normalised code could have been generated here (cheap refusal before any query). */
export function isWellFormedCode(code: string, min = 4, max = 12): boolean {
	if (code.length < min || code.length > max) return false;
	for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return false;
	return true;
}

/** How many fresh values a generator may try before a clash is taken as a fault, not bad luck. */
export const FRESH_TRIES = 20;

/**
 * Calls `attempt` until it gives a value (a code nobody holds, a row that was inserted), at most
 * `tries` times: with codes of 6+ characters a clash is rare, so twenty in a row means something is
 * wrong (a full code space, a broken generator) and the request fails instead of spinning forever.
 */
export async function firstFree<T>(attempt: () => Promise<T | undefined>, tries = FRESH_TRIES): Promise<T> {
	for (let i = 0; i < tries; i++) {
		const value = await attempt();
		if (value !== undefined) return value;
	}
	throw new Error(`No free value after ${tries} tries`);
}
