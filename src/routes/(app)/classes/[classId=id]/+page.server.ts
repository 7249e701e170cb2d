import type { PageServerLoad } from './$types';
import { requireClass } from '$lib/server/access/routes';
import { groupSummary } from '$lib/server/community/groups';
import { appToday } from '$lib/server/config';
import { classStandings } from '$lib/server/boards/view';

export const load: PageServerLoad = async (event) => {
	const { db, classId, cls, relation } = await requireClass(event, ['teacher', 'student', 'organiser']);
	const today = appToday();
	return {
		cls,
		relation,
		summary: await groupSummary(db, 'class', classId, today),
		standings: await classStandings(db, classId, today)
	};
};
