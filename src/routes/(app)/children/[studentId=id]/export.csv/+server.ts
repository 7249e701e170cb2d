import type { RequestHandler } from './$types';
import { requireChild } from '$lib/server/access/routes';
import { childCsv } from '$lib/server/people/guardians';

export const GET: RequestHandler = async (event) => {
	const { child: data } = await requireChild(event);
	// A BOM so spreadsheet apps read the Vietnamese text as UTF-8.
	return new Response(childCsv(data), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="songxanh-${data.profile.username}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
