import type { PageServerLoad } from './$types';
import { requireClass } from '$lib/server/access/routes';
import { appTimeZone } from '$lib/server/config';
import { classWall, pledgeImpact } from '$lib/server/pledges/queries';
import { localDay } from '$lib/utils/dates';

export const load: PageServerLoad = async (event) => {
	const { db, classId, cls } = await requireClass(event, ['teacher', 'student', 'organiser']);
	const today = localDay(new Date(), appTimeZone());
	const [pledges, impact] = await Promise.all([
		classWall(db, classId, today),
		pledgeImpact(db, 'class', classId, today)
	]);
	return { group: { name: cls.name, href: `/classes/${classId}` }, pledges, impact };
};
