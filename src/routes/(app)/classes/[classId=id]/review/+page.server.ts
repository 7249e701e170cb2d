import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireClass } from '$lib/server/access/routes';
import { appTimeZone, appToday } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { voidEntrySchema } from '$lib/schemas/actions';
import { fieldErrors, idSchema } from '$lib/schemas/common';
import { listGoals } from '$lib/server/actions/goals';
import { classFeed, classParticipation, voidEntryAs } from '$lib/server/actions/review';
import { addDays, localDay, weekStart } from '$lib/utils/dates';
import { readForm } from '$lib/server/form-values';

/** How far back the review list reaches, in days (today included). */
const REVIEW_DAYS = 7;

export const load: PageServerLoad = async (event) => {
	const { db, classId, cls: header } = await requireClass(event, ['teacher']);
	const tz = appTimeZone();
	const today = appToday();
	const participation = await classParticipation(db, classId, weekStart(today));
	// ?student=<id> narrows the list to one student of this class; anything else shows everyone.
	const wanted = idSchema.safeParse(event.url.searchParams.get('student'));
	const student = wanted.success ? (participation.find((p) => p.userId === wanted.data) ?? null) : null;
	const entries = await classFeed(db, classId, addDays(today, -(REVIEW_DAYS - 1)), 80, student?.userId);
	const goals = (await listGoals(db, classId, today)).filter(
		(g) => g.state === 'open' || g.goal.deadline >= addDays(today, -7)
	);
	return {
		goals: goals.map((g) => ({
			id: g.goal.id,
			metric: g.goal.metric,
			percent: g.percent,
			state: g.state,
			deadline: g.goal.deadline
		})),
		cls: { id: header.id, name: header.name },
		participation,
		student: student ? { id: student.userId, nickname: student.nickname } : null,
		reviewDays: REVIEW_DAYS,
		// Logged for an earlier day than the one it was sent on: worth a second look.
		entries: entries.map((e) => ({ ...e, backfilled: localDay(e.createdAt, tz) !== e.localDay }))
	};
};

export const actions: Actions = {
	void: async (event) => {
		const { db, classId, user } = await requireClass(event, ['teacher']);
		const raw = await readForm(event);
		const parsed = voidEntrySchema.safeParse(raw);
		const entryId = Number(raw.entryId) || null;
		if (!parsed.success)
			return fail(400, { entryId, error: Object.values(fieldErrors(parsed.error))[0] ?? 'form.invalid' });
		const result = await voidEntryAs(db, user.id, parsed.data.entryId, parsed.data.reason, { classId });
		if (!result.ok)
			return fail(
				result.error === 'actions.void.forbidden' ? 403 : result.error === 'ledger.void.notFound' ? 404 : 400,
				{ entryId, error: result.error }
			);
		setFlash(event.cookies, 'actions.void.done');
		redirect(303, `/classes/${classId}/review`);
	}
};
