/**
 * The unit tests' random data: an idempotency key no other call in this process returns, in the
 * shape the form schemas accept. A test that wants a second write takes a fresh key; a replay test
 * reuses its own. (Randomised runs use the app's seeded `prng` from $lib/utils/prng, so they replay.)
 */
let keys = 0;
const run = Math.random().toString(36).slice(2, 10).padEnd(8, '0');

export function freshKey(): string {
	return `test-key-${run}-${++keys}`;
}
