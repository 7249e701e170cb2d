import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId, requireClassAccess } from '$lib/server/auth/scoped';
import { getClassHeader, groupSummary } from '$lib/server/community/groups';
import { appToday } from '$lib/server/config';

import { classStandings } from '$lib/server/boards/view';

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const classId = parseId(event.params.classId);
	const { relation } = await requireClassAccess(event, db, classId, ['teacher', 'student', 'organiser']);
	const header = await getClassHeader(db, classId);
	if (!header) error(404, { message: 'error.404' });
	const today = appToday();
	return {
		cls: header,
		relation,
		summary: await groupSummary(db, 'class', classId, today),
		standings: await classStandings(db, classId, today)
	};
};
