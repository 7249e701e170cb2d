import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '$lib/server/db/client';
import { classStudent, rosterImport, schoolClass, user, userRole } from '$lib/server/db/schema';
import { hashPassword } from '$lib/server/auth/password';
import { friendlyUsername } from './usernames';
import { nameKey } from './roster-paste';
import { issueCard } from './cards';
import type { Locale } from '$lib/i18n/locales';

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** A password a child can copy from a card: 4 + 4 unambiguous characters. */
export function generatePassword(): string {
	const pick = () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
	const part = () => Array.from({ length: 4 }, pick).join('');
	return `${part()}-${part()}`;
}

/** The same shape of password, taken from 16 random-looking bytes (two bytes a character). */
export function passwordFrom(bytes: Uint8Array): string {
	const chars = Array.from({ length: 8 }, (_, i) => {
		const n = (bytes[2 * i] << 8) | bytes[2 * i + 1];
		return PASSWORD_ALPHABET[n % PASSWORD_ALPHABET.length];
	}).join('');
	return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

const NICK_WORDS = [
	'Lá Xanh',
	'Bông Sen',
	'Cây Bàng',
	'Hạt Mầm',
	'Chim Sẻ',
	'Cá Heo',
	'Mây Trắng',
	'Giọt Nước',
	'Ong Vàng',
	'Rùa Biển',
	'Sao Biển',
	'Cỏ May',
	'Hoa Mai',
	'Trúc Xinh',
	'Sóc Nâu'
];

/** Public nicknames for new roster accounts (never the real name), unique in the class. */
async function freshNicknames(tx: Tx, classId: number, n: number): Promise<string[]> {
	const rows = await tx
		.select({ nickname: user.nickname })
		.from(classStudent)
		.innerJoin(user, eq(user.id, classStudent.userId))
		.where(eq(classStudent.classId, classId));
	const used = new Set(rows.map((r) => nameKey(r.nickname)));
	const out: string[] = [];
	while (out.length < n) {
		const nick = `${NICK_WORDS[randomInt(NICK_WORDS.length)]} ${randomInt(1, 100)}`;
		if (used.has(nameKey(nick))) continue;
		used.add(nameKey(nick));
		out.push(nick);
	}
	return out;
}

interface LoginCard {
	userId: number;
	displayName: string;
	nickname: string;
	username: string;
	password: string;
	/** The drop-off card number (credits plastic at a collection point; signs nobody in). */
	dropOffCard: string;
}

export type ImportResult =
	| { ok: true; cards: LoginCard[] }
	| {
			ok: false;
			error: 'structure.roster.alreadyImported' | 'structure.class.archived' | 'structure.roster.empty';
	  };

const HASH_CHUNK = 4;

/**
 * Makes one student account per name. The import row is written first (so the page can poll
 * progress and a second submit of the same key is refused), passwords are hashed in small chunks
 * outside any transaction, and all accounts are then inserted in one transaction.
 */
export async function importRoster(
	db: Db,
	input: { classId: number; teacherId: number; importKey: string; names: string[]; locale: Locale }
): Promise<ImportResult> {
	if (!input.names.length) return { ok: false, error: 'structure.roster.empty' };
	type Start = { id: number } | { error: 'structure.class.archived' | 'structure.roster.alreadyImported' };
	const start = await db.transaction(async (tx): Promise<Start> => {
		const [cls] = await tx
			.select({ archivedAt: schoolClass.archivedAt })
			.from(schoolClass)
			.where(eq(schoolClass.id, input.classId));
		if (!cls || cls.archivedAt) return { error: 'structure.class.archived' };
		const [dup] = await tx
			.select({ id: rosterImport.id })
			.from(rosterImport)
			.where(and(eq(rosterImport.createdBy, input.teacherId), eq(rosterImport.importKey, input.importKey)));
		if (dup) return { error: 'structure.roster.alreadyImported' };
		const [row] = await tx
			.insert(rosterImport)
			.values({
				classId: input.classId,
				createdBy: input.teacherId,
				importKey: input.importKey,
				total: input.names.length
			})
			.returning({ id: rosterImport.id });
		return { id: row.id };
	});
	if ('error' in start) return { ok: false, error: start.error };

	try {
		const passwords = input.names.map(() => generatePassword());
		const hashes: string[] = [];
		for (let i = 0; i < passwords.length; i += HASH_CHUNK) {
			hashes.push(...(await Promise.all(passwords.slice(i, i + HASH_CHUNK).map((p) => hashPassword(p)))));
			await db.update(rosterImport).set({ done: hashes.length }).where(eq(rosterImport.id, start.id));
		}
		const cards = await db.transaction(async (tx) => {
			const nicknames = await freshNicknames(tx, input.classId, input.names.length);
			const taken = new Set<string>();
			const made: LoginCard[] = [];
			for (const [i, displayName] of input.names.entries()) {
				const username = await friendlyUsername(tx, taken);
				const [row] = await tx
					.insert(user)
					.values({
						username,
						displayName,
						nickname: nicknames[i],
						passwordHash: hashes[i],
						locale: input.locale
					})
					.returning({ id: user.id });
				await tx.insert(userRole).values({ userId: row.id, role: 'student' });
				await tx.insert(classStudent).values({ classId: input.classId, userId: row.id });
				const dropOffCard = await issueCard(tx, { userId: row.id });
				made.push({
					userId: row.id,
					displayName,
					nickname: nicknames[i],
					username,
					password: passwords[i],
					dropOffCard
				});
			}
			await tx
				.update(rosterImport)
				.set({ status: 'finished', done: made.length })
				.where(eq(rosterImport.id, start.id));
			return made;
		});
		return { ok: true, cards };
	} catch (e) {
		await db.update(rosterImport).set({ status: 'failed' }).where(eq(rosterImport.id, start.id));
		throw e;
	}
}

/** How far an import has got, for the teacher who started it. */
export async function rosterProgress(db: DbOrTx, teacherId: number, classId: number, importKey: string) {
	const [row] = await db
		.select({ done: rosterImport.done, total: rosterImport.total, status: rosterImport.status })
		.from(rosterImport)
		.where(
			and(
				eq(rosterImport.createdBy, teacherId),
				eq(rosterImport.classId, classId),
				eq(rosterImport.importKey, importKey)
			)
		);
	return row ?? null;
}

/** Real names already in the class (to skip them in a new roster). */
export async function classRealNames(db: DbOrTx, classId: number): Promise<string[]> {
	const rows = await db
		.select({ displayName: user.displayName })
		.from(classStudent)
		.innerJoin(user, eq(user.id, classStudent.userId))
		.where(eq(classStudent.classId, classId));
	return rows.map((r) => r.displayName);
}
