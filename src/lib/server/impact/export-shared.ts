import { sql, type SQL } from 'drizzle-orm';
import type { ReportQuery } from '$lib/schemas/impact';
import type { CsvPage } from '$lib/utils/csv';

/** How an export is read: its header, where it starts, and one bounded page at a time. */
export interface ExportPlan<C = unknown> {
	filename: string;
	header: string[];
	first: C;
	page: (cursor: C) => Promise<CsvPage<C>>;
}

/**
 * Ids read per page: each page is one short read (tens of milliseconds), however narrow the
 * filters, so a long export never holds up other requests for long.
 */
export const ID_WINDOW = 2000;

/** Lets other requests run between two pages of a long export (the database calls are synchronous). */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** "Area contains this place and it belongs to this model", for one side of an entry; true when unfiltered. */
export function placeMatches(q: Pick<ReportQuery, 'areaId' | 'modelId'>, areaCol: SQL, modelCol: SQL): SQL {
	const parts: SQL[] = [];
	if (q.areaId !== null)
		parts.push(sql`${areaCol} IN (SELECT area_id FROM area_closure WHERE ancestor_id = ${q.areaId})`);
	if (q.modelId !== null) parts.push(sql`${modelCol} = ${q.modelId}`);
	return parts.length ? sql.join(parts, sql` AND `) : sql`1`;
}
