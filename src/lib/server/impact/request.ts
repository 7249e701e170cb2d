import { error, type RequestEvent } from '@sveltejs/kit';
import type { Db } from '$lib/server/db/client';
import { requireUser } from '$lib/server/auth/guards';
import { appToday } from '$lib/server/config';
import { translate, type MessageKey } from '$lib/i18n';
import { parseReportQuery, type ReportFilter, type ReportQuery } from '$lib/schemas/impact';
import type { PeriodPreset } from '$lib/utils/periods';
import { authoriseReport, type ReportAccess } from './scope';

type Event = Pick<RequestEvent, 'locals' | 'url'>;

/** How a refusal names the filter it is about ("Không tìm thấy trường đã chọn"). */
const FILTER_NAME = {
	area: 'impact.filterName.area',
	model: 'impact.filterName.model',
	school: 'impact.filterName.school',
	class: 'impact.filterName.class'
} as const satisfies Record<string, MessageKey>;

/**
 * The signed-in viewer, their report filters and what they may see, for a report page or export:
 * bad filters are a 400, a place that does not exist a 404, one outside the viewer's rights a 403,
 * each with a translated message, before anything is computed.
 */
export async function requireReport(
	event: Event,
	db: Db,
	allowed: readonly ReportFilter[],
	fallback: PeriodPreset,
	/** Filters the page itself fixes (a class report's class comes from its path). */
	fixed: Partial<Pick<ReportQuery, 'classId'>> = {}
): Promise<{ query: ReportQuery; access: ReportAccess; today: string }> {
	const user = requireUser(event);
	const locale = event.locals.locale;
	const today = appToday();
	const parsed = parseReportQuery(event.url.searchParams, allowed, today, fallback);
	if (!parsed.ok) error(400, { message: parsed.error, params: parsed.params });
	const query = { ...parsed.query, ...fixed };
	const access = await authoriseReport(db, user, query);
	if (!access.ok) {
		const name = access.params?.name;
		const key =
			name && Object.hasOwn(FILTER_NAME, name) ? FILTER_NAME[name as keyof typeof FILTER_NAME] : null;
		error(access.status, { message: access.error, params: key ? { name: translate(locale, key) } : {} });
	}
	return { query, access, today };
}
