import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireClass } from '$lib/server/access/routes';
import { appTimeZone, appToday } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { voidEntrySchema } from '$lib/schemas/actions';
import { firstError, idSchema } from '$lib/schemas/common';
import { listGoals } from '$lib/server/actions/goals';
import { classFeed, classFeedCount, classParticipation, voidEntryAs } from '$lib/server/actions/review';
import { addDays, localDay } from '$lib/utils/dates';
import { ACTION_RULES } from '$lib/rules/actions';
import { z } from 'zod';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';

const { days: REVIEW_DAYS, pageSize: PAGE_SIZE, maxPage: MAX_PAGE } = ACTION_RULES.review;
const pageSchema = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);

/** The list's filters as a query ("?student=3&page=2"), kept by a void so the teacher stays where they were. */
function reviewQuery(student: number | null, page: number): string {
	const q = new URLSearchParams();
	if (student) q.set('student', String(student));
	if (page > 1) q.set('page', String(page));
	const s = q.toString();
	return s ? `?${s}` : '';
}

export const load: PageServerLoad = async (event) => {
	const { db, classId, cls: header } = await requireClass(event, ['teacher']);
	const tz = appTimeZone();
	const today = appToday();
	// The table and the list cover the same days, so their counts agree.
	const since = addDays(today, -(REVIEW_DAYS - 1));
	const participation = await classParticipation(db, classId, since);
	// ?student=<id> narrows the list to one student of this class; anything else shows everyone.
	const wanted = idSchema.safeParse(event.url.searchParams.get('student'));
	const student = wanted.success ? (participation.find((p) => p.userId === wanted.data) ?? null) : null;
	const total = await classFeedCount(db, classId, since, student?.userId);
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(pageSchema.parse(event.url.searchParams.get('page') ?? 1), pages);
	const entries = await classFeed(db, classId, since, PAGE_SIZE, student?.userId, (page - 1) * PAGE_SIZE);
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
		paging: {
			page,
			pages,
			total,
			from: total ? (page - 1) * PAGE_SIZE + 1 : 0,
			to: (page - 1) * PAGE_SIZE + entries.length,
			prev: page > 1 ? `${reviewQuery(student?.userId ?? null, page - 1) || '?'}#entries` : null,
			next: page < pages ? `${reviewQuery(student?.userId ?? null, page + 1)}#entries` : null,
			voidAction: `?/void${reviewQuery(student?.userId ?? null, page).replace('?', '&')}`
		},
		// Logged for an earlier day than the one it was sent on: worth a second look.
		entries: entries.map((e) => ({ ...e, backfilled: localDay(e.createdAt, tz) !== e.localDay }))
	};
};

export const actions: Actions = {
	void: async (event) => {
		const { db, classId, user } = await requireClass(event, ['teacher']);
		const raw = await readForm(event);
		const parsed = voidEntrySchema.safeParse(raw);
		// Each entry has its own void form: the failure names the one it belongs to.
		const form = `void-${Number(raw.entryId) || 0}`;
		const params = ACTION_RULES.voidReason;
		if (!parsed.success) return refuse(400, { form, message: firstError(parsed.error), params });
		const result = await voidEntryAs(db, user.id, parsed.data.entryId, parsed.data.reason, { classId });
		if (!result.ok)
			return refuse(
				result.error === 'actions.void.forbidden' ? 403 : result.error === 'ledger.void.notFound' ? 404 : 400,
				{ form, message: result.error, params }
			);
		setFlash(event.cookies, 'actions.void.done');
		// Back to the same student and page (the form's URL carries them).
		const student = idSchema.safeParse(event.url.searchParams.get('student'));
		const page = pageSchema.parse(event.url.searchParams.get('page') ?? 1);
		redirect(
			303,
			`/classes/${classId}/review${reviewQuery(student.success ? student.data : null, page)}#entries`
		);
	}
};
