import type { PageServerLoad } from './$types';
import { requireClass } from '$lib/server/access/routes';
import { classReport } from '$lib/server/impact/class-report';
import { requireReport } from '$lib/server/impact/request';
import { reportSearch } from '$lib/schemas/impact';

export const load: PageServerLoad = async (event) => {
	const { db, classId, cls, relation } = await requireClass(event, ['teacher', 'organiser']);
	const { query, today } = await requireReport(event, db, ['period', 'from', 'to'], 'month', { classId });
	return {
		cls,
		relation,
		query,
		today,
		report: await classReport(db, classId, query.period, today),
		exportSearch: reportSearch(query, ['class', 'period', 'from', 'to'])
	};
};
