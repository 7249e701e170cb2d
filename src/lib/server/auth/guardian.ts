import { error, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { user as userTable } from '$lib/server/db/schema';
import { isGuardianOf } from '$lib/server/people/guardians';
import { requireUser } from './guards';
import { parseId } from './scoped';

/** The signed-in guardian and the child id from the URL: 404 for no such person, 403 when not linked. */
export async function requireGuardianOf(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>, db: Db) {
	const user = requireUser(event);
	const studentId = parseId(event.params.studentId);
	const [row] = await db.select({ id: userTable.id }).from(userTable).where(eq(userTable.id, studentId));
	if (!row) error(404, { message: 'error.404' });
	if (!(await isGuardianOf(db, user.id, studentId))) error(403, { message: 'error.403' });
	return { user, studentId };
}
