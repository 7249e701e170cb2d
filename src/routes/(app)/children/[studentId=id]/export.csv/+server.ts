import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireChild } from '$lib/server/access/routes';
import { childCsv, childData } from '$lib/server/people/guardians';

export const GET: RequestHandler = async (event) => {
	const { db, studentId } = await requireChild(event);
	const data = await childData(db, studentId);
	if (!data) error(404, { message: 'error.404' });
	// A BOM so spreadsheet apps read the Vietnamese text as UTF-8.
	return new Response(childCsv(data), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="songxanh-${data.profile.username}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
