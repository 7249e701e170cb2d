import { hash, verify } from '@node-rs/argon2';

/** OWASP's minimum for argon2id: 19 MiB, 2 iterations, parallelism 1. */
const ARGON2_OPTIONS = {
	algorithm: 2, // Algorithm.Argon2id (a const enum the bundler cannot inline)
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
} as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		// A malformed stored hash is a failed check, not a crash of the login page.
		return false;
	}
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so a missing account cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
	dummyHash ??= hashPassword('songxanh-timing-equaliser');
	await verifyPassword(await dummyHash, password);
}
