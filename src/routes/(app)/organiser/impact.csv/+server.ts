import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { impactByModel, impactCsv } from '$lib/server/community/impact';
import { translate } from '$lib/i18n';

/** The impact table for spreadsheets (organisers only). */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'organiser');
	const csv = impactCsv(await impactByModel(await getDb()), translate(event.locals.locale, 'impact.noModel'));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="songxanh-impact.csv"',
			'cache-control': 'no-store'
		}
	});
};
