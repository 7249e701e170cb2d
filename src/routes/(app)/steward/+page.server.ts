import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { listStewardPoints } from '$lib/server/playground/points';
import { listComponents } from '$lib/server/playground/playgrounds';
import { dayTotals, findPointContribution, listAnnounced, listPointDay } from '$lib/server/playground/lists';
import { recordContribution, type ContributionResult } from '$lib/server/playground/contributions';
import { confirmContribution, rejectContribution, voidContribution } from '$lib/server/playground/decisions';
import {
	confirmContributionSchema,
	decideWithReasonSchema,
	recordContributionSchema
} from '$lib/schemas/playground';
import { fieldErrors, idSchema } from '$lib/schemas/common';
import { setFlash } from '$lib/server/flash';
import { submissionTime } from '$lib/server/offline/submission-time';
import { appTimeZone, appToday } from '$lib/server/config';
import { ecobrickWarning } from '$lib/utils/ecobrick';
import { isMaterial } from '$lib/utils/playground';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';
import type { MessageKey } from '$lib/i18n/vi';
import { msg } from '$lib/i18n/msg';

const LAST_MATERIAL = 'sx_last_material';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'steward');
	const db = await getDb();
	const points = await listStewardPoints(db, user.id);
	if (points.length === 0) return { points, point: null };
	const wanted = Number(event.url.searchParams.get('point') ?? points[0].id);
	const point = points.find((p) => p.id === wanted);
	// Another point's id in the URL: not theirs to see.
	if (!point) error(403, { message: msg('playground.error.notSteward') });
	const playgrounds = point.playgrounds.filter((p) => p.state === 'collecting');
	const components = (
		await Promise.all(
			playgrounds.map(async (p) =>
				(await listComponents(db, p.id)).map((c) => ({ id: c.id, name: c.name, playgroundId: p.id }))
			)
		)
	).flat();
	const today = appToday();
	const [todayRows, announced] = await Promise.all([
		listPointDay(db, point.id, today),
		listAnnounced(db, point.id)
	]);
	const last = event.cookies.get(LAST_MATERIAL);
	// ?done=<id>: the drop-off just recorded or confirmed here, shown back to the steward in words.
	const done = idSchema.safeParse(event.url.searchParams.get('done'));
	const justDone = done.success ? await findPointContribution(db, point.id, done.data) : null;
	return {
		done: justDone?.status === 'confirmed' ? { ...justDone, ecobrick: ecobrickWarning(justDone) } : null,
		points,
		point,
		playgrounds,
		components,
		today,
		todayRows,
		totals: dayTotals(todayRows),
		announced,
		lastMaterial: last && isMaterial(last) ? last : 'pet_bottles',
		idempotencyKey: crypto.randomUUID()
	};
};

function back(event: RequestEvent, pointId: number | string, flash: MessageKey): never {
	setFlash(event.cookies, flash);
	redirect(303, `/steward?point=${pointId}`);
}

/** Back to the point, showing what was just credited (the page says for whom, how much, how many points). */
function shown(pointId: number, contributionId: number): never {
	redirect(303, `/steward?point=${pointId}&done=${contributionId}`);
}

function refused(
	result: Extract<ContributionResult, { ok: false }>,
	form: string,
	values: Record<string, unknown>
) {
	return refuse(
		result.status,
		{ form, values, message: result.error },
		{ candidates: result.candidates ?? [] }
	);
}

export const actions: Actions = {
	record: async (event) => {
		const user = requireRole(event, 'steward');
		const values = await readForm(event);
		const parsed = recordContributionSchema.safeParse(values);
		if (!parsed.success)
			return refuse(400, { form: 'record', values, errors: fieldErrors(parsed.error) }, { candidates: [] });
		const db = await getDb();
		const clock = await submissionTime(db, user.id, values);
		if (!clock.ok)
			return refuse(
				clock.status,
				{ form: 'record', values, message: clock.error, params: clock.params },
				{ candidates: [] }
			);
		const result = await recordContribution(db, user.id, parsed.data, clock.now, appTimeZone());
		if (!result.ok) return refused(result, 'record', values);
		event.cookies.set(LAST_MATERIAL, parsed.data.material, {
			path: '/steward',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: 60 * 60 * 24 * 180
		});
		shown(result.contribution.pointId, result.contribution.id);
	},

	confirm: async (event) => {
		const user = requireRole(event, 'steward');
		const values = await readForm(event);
		const parsed = confirmContributionSchema.safeParse(values);
		if (!parsed.success)
			return refuse(400, {
				form: `confirm-${values.contributionId}`,
				values,
				errors: fieldErrors(parsed.error)
			});
		const result = await confirmContribution(await getDb(), user.id, parsed.data, new Date(), appTimeZone());
		if (!result.ok) return refused(result, `confirm-${values.contributionId}`, values);
		shown(result.contribution.pointId, result.contribution.id);
	},

	reject: async (event) => {
		const user = requireRole(event, 'steward');
		const values = await readForm(event);
		const parsed = decideWithReasonSchema.safeParse(values);
		if (!parsed.success)
			return refuse(400, {
				form: `reject-${values.contributionId}`,
				values,
				errors: fieldErrors(parsed.error)
			});
		const result = await rejectContribution(
			await getDb(),
			user.id,
			parsed.data.contributionId,
			parsed.data.reason
		);
		if (!result.ok) return refused(result, `reject-${values.contributionId}`, values);
		back(event, result.contribution.pointId, 'playground.steward.rejected');
	},

	void: async (event) => {
		const user = requireRole(event, 'steward');
		const values = await readForm(event);
		const parsed = decideWithReasonSchema.safeParse(values);
		if (!parsed.success)
			return refuse(400, {
				form: `void-${values.contributionId}`,
				values,
				errors: fieldErrors(parsed.error)
			});
		const result = await voidContribution(
			await getDb(),
			user.id,
			parsed.data.contributionId,
			parsed.data.reason
		);
		if (!result.ok) return refused(result, `void-${values.contributionId}`, values);
		back(event, result.contribution.pointId, 'playground.steward.voided');
	}
};
