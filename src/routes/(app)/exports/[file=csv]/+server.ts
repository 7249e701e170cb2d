import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireReport } from '$lib/server/impact/request';
import { planExport } from '$lib/server/impact/exports';
import type { ExportKind } from '$lib/schemas/impact';
import { csvStream } from '$lib/utils/csv';

/**
 * A report's data as CSV, streamed from the database a page at a time (a million rows never sit in
 * memory). Organisers may filter by anything; a teacher only by a class they teach, whose rows
 * then carry students' nicknames as the class report does. Filters as on the report pages.
 */
export const GET: RequestHandler = async (event) => {
	const db = await getDb();
	const { query, access } = await requireReport(
		event,
		db,
		['area', 'model', 'school', 'class', 'period', 'from', 'to'],
		'month'
	);
	const kind = event.params.file.slice(0, -'.csv'.length) as ExportKind;
	const plan = await planExport(db, kind, query, access);
	return new Response(csvStream(plan.header, plan.first, plan.page), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${plan.filename}"`,
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
