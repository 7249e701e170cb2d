import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireClassTeacher } from '$lib/server/access/routes';
import { idSchema } from '$lib/schemas/common';
import { classCards } from '$lib/server/people/login-cards';

// Teachers of this class only (the cards show real names); ?student=<id> prints one student's card.
export const load: PageServerLoad = async (event) => {
	const { db, classId, cls } = await requireClassTeacher(event);
	const raw = event.url.searchParams.get('student');
	const student = raw === null ? undefined : idSchema.safeParse(raw);
	if (student && !student.success) error(400, { message: 'error.400' });
	const cards = await classCards(db, classId, student?.data);
	// Another class's student, by URL: there is no such card here.
	if (student && cards.length === 0) error(404, { message: 'structure.students.notInClass' });
	return { cls: { id: cls.id, name: cls.name }, cards, signInUrl: `${event.url.origin}/login` };
};
