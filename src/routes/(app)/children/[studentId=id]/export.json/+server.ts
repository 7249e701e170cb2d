import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireChild } from '$lib/server/access/routes';
import { childData } from '$lib/server/people/guardians';

/** Everything held about the child, for their linked guardian. */
export const GET: RequestHandler = async (event) => {
	const { db, studentId } = await requireChild(event);
	const data = await childData(db, studentId);
	if (!data) error(404, { message: 'error.404' });
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="songxanh-${data.profile.username}.json"`,
			'cache-control': 'no-store'
		}
	});
};
