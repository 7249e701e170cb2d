import type { PageServerLoad } from './$types';
import { requireClassTeacher } from '$lib/server/access/routes';
import { qrPath } from '$lib/server/playground/qr';

export const load: PageServerLoad = async (event) => {
	const { cls } = await requireClassTeacher(event);
	const joinUrl = `${event.url.origin}/join`;
	const code = cls.archivedAt ? null : cls.joinCode;
	return { cls, code, joinUrl, qr: code ? qrPath(`${joinUrl}?code=${code}`) : null };
};
