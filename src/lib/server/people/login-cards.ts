import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { classStudent, dropOffCard, schoolClass, user } from '$lib/server/db/schema';
import { qrPath } from '$lib/server/playground/qr';
import { listStudents } from '$lib/server/community/classes';
import { formatCardNumber } from './cards';
import { withNamesakes } from './roster-paste';

/**
 * Login cards printed again: the username, class and nickname (and the drop-off card where the
 * student has one), never a password, which is shown only once; a reset gives a new one.
 */

/** A class's students as cards (one student with `studentId`), namesakes marked. */
export async function classCards(db: DbOrTx, classId: number, studentId?: number) {
	const rows = await listStudents(db, classId);
	const marked = withNamesakes(rows).filter((r) => studentId === undefined || r.id === studentId);
	const cards = marked.length
		? await db
				.select({ userId: dropOffCard.userId, code: dropOffCard.code })
				.from(dropOffCard)
				.where(
					inArray(
						dropOffCard.userId,
						marked.map((r) => r.id)
					)
				)
		: [];
	const codeOf = new Map(cards.map((c) => [c.userId, c.code]));
	return marked.map((r) => {
		const code = codeOf.get(r.id);
		const card = {
			displayName: r.displayName,
			nickname: r.nickname,
			username: r.username,
			namesake: r.namesake
		};
		return code ? { ...card, dropOffCard: formatCardNumber(code), qr: qrPath(code) } : card;
	});
}

/** The card a student who just joined prints for themself: their own details and class. */
export async function ownCard(db: DbOrTx, userId: number) {
	const [row] = await db
		.select({
			displayName: user.displayName,
			nickname: user.nickname,
			username: user.username,
			className: schoolClass.name,
			code: dropOffCard.code
		})
		.from(user)
		.leftJoin(classStudent, eq(classStudent.userId, user.id))
		.leftJoin(schoolClass, eq(schoolClass.id, classStudent.classId))
		.leftJoin(dropOffCard, eq(dropOffCard.userId, user.id))
		.where(eq(user.id, userId));
	if (!row) return null;
	const { code, ...rest } = row;
	return code ? { ...rest, dropOffCard: formatCardNumber(code), qr: qrPath(code) } : rest;
}
