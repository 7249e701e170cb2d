import type { PageServerLoad } from './$types';
import { requireClass } from '$lib/server/access/routes';
import { appToday } from '$lib/server/config';
import { classWall, pledgeImpact } from '$lib/server/pledges/queries';

export const load: PageServerLoad = async (event) => {
	const { db, classId, cls } = await requireClass(event, ['teacher', 'student', 'organiser']);
	const today = appToday();
	const [pledges, impact] = await Promise.all([
		classWall(db, classId, today),
		pledgeImpact(db, 'class', classId, today)
	]);
	return { group: { name: cls.name, href: `/classes/${classId}` }, pledges, impact };
};
