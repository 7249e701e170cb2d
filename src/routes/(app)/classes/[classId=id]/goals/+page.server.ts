import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireClass } from '$lib/server/access/routes';
import { appToday } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { createGoalSchemaFor } from '$lib/schemas/goals';
import { goalDeadlineBounds } from '$lib/rules/goals';
import { fieldErrors } from '$lib/schemas/common';
import { activeActions } from '$lib/server/actions/catalogue';
import { createGoal, listGoals } from '$lib/server/actions/goals';
import { addDays } from '$lib/utils/dates';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = async (event) => {
	const {
		db,
		classId,
		cls: header,
		relation
	} = await requireClass(event, ['teacher', 'student', 'organiser']);
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
		deadlineBounds: goalDeadlineBounds(today),
		formKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { db, classId, user } = await requireClass(event, ['teacher']);
		const raw = await readForm(event);
		const today = appToday();
		const parsed = createGoalSchemaFor(today).safeParse(raw);
		if (!parsed.success) return refuse(400, { values: raw, errors: fieldErrors(parsed.error) });
		const result = await createGoal(db, classId, user.id, parsed.data, today);
		if (!result.ok) {
			const field = result.error.startsWith('goals.deadline')
				? 'deadline'
				: result.error === 'goals.target.range'
					? 'target'
					: 'actionId';
			return refuse(400, { values: raw, errors: { [field]: result.error } });
		}
		setFlash(event.cookies, 'goals.created');
		redirect(303, `/classes/${classId}/goals`);
	}
};
