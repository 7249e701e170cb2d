import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { user } from '$lib/server/db/schema';

/**
 * Usernames for student accounts: an animal or plant, a cheerful word and three digits
 * ("meoxanh482"), easy to type on a phone and never taken from the child's name or nickname.
 * Usernames made before this (from given names) keep working; only new ones look like this.
 */
export const USERNAME_NOUNS = [
	'cay',
	'may',
	'gio',
	'mua',
	'nang',
	'suoi',
	'bien',
	'doi',
	'chim',
	'ong',
	'buom',
	'rua',
	'tho',
	'meo',
	'soc',
	'voi',
	'tre',
	'lua',
	'hat',
	'mam',
	'dua',
	'xoai',
	'chuoi',
	'coc'
] as const;
export const USERNAME_WORDS = ['xanh', 'vui', 'nho', 'sach', 'tuoi', 'nhanh', 'khoe', 'ngoan'] as const;

const pick = <T>(xs: readonly T[]): T => xs[randomInt(xs.length)];

/** A free username of that shape (checked inside the caller's transaction; `taken` spans one batch). */
export async function friendlyUsername(tx: DbOrTx, taken = new Set<string>()): Promise<string> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const digits = attempt < 20 ? randomInt(100, 1000) : randomInt(1000, 100000);
		const candidate = `${pick(USERNAME_NOUNS)}${pick(USERNAME_WORDS)}${digits}`;
		if (taken.has(candidate)) continue;
		const [row] = await tx.select({ id: user.id }).from(user).where(eq(user.username, candidate));
		if (!row) {
			taken.add(candidate);
			return candidate;
		}
	}
	throw new Error('Could not find a free username');
}
