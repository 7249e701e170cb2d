import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId, requireClassAccess } from '$lib/server/auth/scoped';
import { appToday } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { createGoalSchema } from '$lib/schemas/goals';
import { fieldErrors, formObject, type FieldErrors } from '$lib/schemas/common';
import { activeActions } from '$lib/server/actions/catalogue';
import { createGoal, listGoals } from '$lib/server/actions/goals';
import { getClassHeader } from '$lib/server/community/groups';
import { addDays } from '$lib/utils/dates';

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const classId = parseId(event.params.classId);
	const { relation } = await requireClassAccess(event, db, classId, ['teacher', 'student', 'organiser']);
	const header = await getClassHeader(db, classId);
	if (!header) error(404, { message: 'error.404' });
	const today = appToday();
	const goals = await listGoals(db, classId, today);
	return {
		cls: { id: header.id, name: header.name },
		canEdit: relation === 'teacher',
		goals: goals.map((g) => ({
			id: g.goal.id,
			metric: g.goal.metric,
			target: g.goal.target,
			startDay: g.goal.startDay,
			deadline: g.goal.deadline,
			reachedOn: g.goal.reachedOn,
			actionName: g.actionName,
			series: g.series,
			current: g.current,
			percent: g.percent,
			state: g.state
		})),
		actions: relation === 'teacher' ? await activeActions(db) : [],
		defaultDeadline: addDays(today, 27),
		formKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const db = await getDb();
		const classId = parseId(event.params.classId);
		const { user } = await requireClassAccess(event, db, classId, ['teacher']);
		const raw = formObject(await event.request.formData());
		const parsed = createGoalSchema.safeParse(raw);
		if (!parsed.success) return fail(400, { values: raw, errors: fieldErrors(parsed.error) });
		const result = await createGoal(db, classId, user.id, parsed.data, appToday());
		if (!result.ok) {
			const field = result.error === 'goals.deadline.past' ? 'deadline' : 'actionId';
			return fail(400, { values: raw, errors: { [field]: result.error } as FieldErrors });
		}
		setFlash(event.cookies, 'goals.created');
		redirect(303, `/classes/${classId}/goals`);
	}
};
