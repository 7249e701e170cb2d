import type { RequestHandler } from './$types';
import { requireChild } from '$lib/server/access/routes';
import { describeEntries } from '$lib/server/people/child-entries';

/** Everything held about the child, for their linked guardian. */
export const GET: RequestHandler = async (event) => {
	const { db, child: data } = await requireChild(event);
	// The same words the child page shows, next to each entry.
	const what = await describeEntries(db, data.entries, event.locals.locale);
	const entries = data.entries.map((e) => ({ ...e, what: what.get(e.id) ?? e.sourceKind }));
	return new Response(JSON.stringify({ ...data, entries }, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="songxanh-${data.profile.username}.json"`,
			'cache-control': 'no-store'
		}
	});
};
