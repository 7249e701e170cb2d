import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId, requireClassAccess } from '$lib/server/auth/scoped';
import { getClassHeader } from '$lib/server/community/groups';
import { classReport } from '$lib/server/impact/class-report';
import { requireReport } from '$lib/server/impact/request';
import { reportSearch } from '$lib/schemas/impact';

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const classId = parseId(event.params.classId);
	const { relation } = await requireClassAccess(event, db, classId, ['teacher', 'organiser']);
	const { query, today } = await requireReport(event, db, ['period', 'from', 'to'], 'month', { classId });
	const header = await getClassHeader(db, classId);
	if (!header) error(404, { message: 'error.404' });
	return {
		cls: header,
		relation,
		query,
		today,
		report: await classReport(db, classId, query.period, today),
		exportSearch: reportSearch(query, ['class', 'period', 'from', 'to'])
	};
};
