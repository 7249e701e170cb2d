import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId, requireClassAccess } from '$lib/server/auth/scoped';
import { getClassAdmin } from '$lib/server/community/classes';
import { qrPath } from '$lib/server/playground/qr';

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const classId = parseId(event.params.classId);
	await requireClassAccess(event, db, classId, ['teacher']);
	const cls = await getClassAdmin(db, classId);
	if (!cls) error(404, { message: 'error.404' });
	const joinUrl = `${event.url.origin}/join`;
	const code = cls.archivedAt ? null : cls.joinCode;
	return { cls, code, joinUrl, qr: code ? qrPath(`${joinUrl}?code=${code}`) : null };
};
