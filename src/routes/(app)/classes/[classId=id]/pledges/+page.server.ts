import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId, requireClassAccess } from '$lib/server/auth/scoped';
import { appToday } from '$lib/server/config';
import { getClassHeader } from '$lib/server/community/groups';
import { classWall, pledgeImpact } from '$lib/server/pledges/queries';

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const classId = parseId(event.params.classId);
	await requireClassAccess(event, db, classId, ['teacher', 'student', 'organiser']);
	const cls = await getClassHeader(db, classId);
	if (!cls) error(404, { message: 'error.404' });
	const today = appToday();
	const [pledges, impact] = await Promise.all([
		classWall(db, classId, today),
		pledgeImpact(db, 'class', classId, today)
	]);
	return { group: { name: cls.name, href: `/classes/${classId}` }, pledges, impact };
};
