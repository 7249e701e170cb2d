import { describe, expect, it } from 'vitest';
import { parseOptions } from '@node-rs/argon2';
import { hashPassword, verifyPassword } from './password';

describe('passwords', () => {
	it('hashes with argon2id at OWASP’s minimum and verifies', async () => {
		const hash = await hashPassword('correct horse');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		const opts = parseOptions(hash);
		expect(opts.memoryCost).toBe(19456);
		expect(opts.timeCost).toBe(2);
		expect(opts.parallelism).toBe(1);
		expect(await verifyPassword(hash, 'correct horse')).toBe(true);
		expect(await verifyPassword(hash, 'wrong horse')).toBe(false);
		expect(await hashPassword('correct horse')).not.toBe(hash); // salted
	});

	it('treats a malformed stored hash as a failed check', async () => {
		expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
	});
});
