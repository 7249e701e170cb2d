import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireClassTeacher } from '$lib/server/access/routes';
import { idempotencyKeySchema } from '$lib/schemas/common';
import { rosterProgress } from '$lib/server/people/roster';

/** How far the teacher's running import has got (polled by the import page while it waits). */
export const GET: RequestHandler = async (event) => {
	const { db, classId, user } = await requireClassTeacher(event);
	const key = idempotencyKeySchema.safeParse(event.url.searchParams.get('key'));
	if (!key.success) error(400, { message: 'error.400' });
	const progress = await rosterProgress(db, user.id, classId, key.data);
	return json(progress ?? { done: 0, total: 0, status: 'waiting' }, {
		headers: { 'cache-control': 'no-store' }
	});
};
