import type { RequestHandler } from './$types';
import { requireChild } from '$lib/server/access/routes';
import { childCsv } from '$lib/server/people/guardians';
import { describeEntries } from '$lib/server/people/child-entries';

export const GET: RequestHandler = async (event) => {
	const { db, child: data } = await requireChild(event);
	const what = await describeEntries(db, data.entries, event.locals.locale);
	// A BOM so spreadsheet apps read the Vietnamese text as UTF-8.
	return new Response(childCsv(data, what), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="songxanh-${data.profile.username}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
