import type { RequestHandler } from './$types';
import { requireChild } from '$lib/server/access/routes';

/** Everything held about the child, for their linked guardian. */
export const GET: RequestHandler = async (event) => {
	const { child: data } = await requireChild(event);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="songxanh-${data.profile.username}.json"`,
			'cache-control': 'no-store'
		}
	});
};
