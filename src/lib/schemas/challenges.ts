import { z } from 'zod';
import { msg } from '$lib/i18n/msg';
import { idSchema, idempotencyKeySchema, text } from './common';
import { daySchema, optionalId } from './actions';
import { ACTION_RULES } from '$lib/rules/actions';
import { CHALLENGE_SCOPES } from '$lib/domain/challenges';
import { CHALLENGE_RULES, checkChallengeDays } from '$lib/rules/challenges';

const toArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const challengeActionSchema = z.object({
	actionId: idSchema,
	points: z.coerce
		.number({ error: msg('form.invalid') })
		.int({ error: msg('actions.whole') })
		.min(ACTION_RULES.points.min, { error: msg('actions.range') })
		.max(ACTION_RULES.points.max, { error: msg('actions.range') })
});

/**
 * A challenge created on `today`: its days inside `challengeDayBounds` (the form's min/max and
 * `createChallenge` use the same rules), its actions with their points.
 */
export const createChallengeSchemaFor = (today: string) =>
	z
		.object({
			title: text(CHALLENGE_RULES.titleMax),
			description: text(CHALLENGE_RULES.descriptionMax, 0),
			scope: z.enum(CHALLENGE_SCOPES, { error: msg('form.invalid') }),
			classIds: z.preprocess(
				toArray,
				z.array(idSchema).max(CHALLENGE_RULES.maxClasses, { error: msg('form.invalid') })
			),
			schoolId: optionalId,
			neighbourhoodId: optionalId,
			areaId: optionalId,
			modelId: optionalId,
			startDay: daySchema,
			endDay: daySchema,
			/** Hidden key of the form: sent twice, it creates one challenge. */
			formKey: idempotencyKeySchema.optional(),
			/** Ticked after being shown the running challenges this one overlaps. */
			confirmOverlap: z.preprocess((v) => v === 'on' || v === true, z.boolean()).optional(),
			actions: z
				.array(challengeActionSchema)
				.min(1, { error: msg('challenges.actions.required') })
				.max(CHALLENGE_RULES.maxActions, { error: msg('challenges.actions.tooMany') })
		})
		.superRefine((v, ctx) => {
			const days = checkChallengeDays(v.startDay, v.endDay, today);
			if (days) ctx.addIssue({ code: 'custom', path: [days.field], message: days.error });
			if (v.scope === 'class' && v.classIds.length === 0)
				ctx.addIssue({ code: 'custom', path: ['classIds'], message: msg('challenges.classes.required') });
			if (v.scope === 'school' && !v.schoolId)
				ctx.addIssue({ code: 'custom', path: ['schoolId'], message: msg('form.required') });
			if (v.scope === 'neighbourhood' && !v.neighbourhoodId)
				ctx.addIssue({ code: 'custom', path: ['neighbourhoodId'], message: msg('form.required') });
			if (v.scope === 'area' && !v.areaId)
				ctx.addIssue({ code: 'custom', path: ['areaId'], message: msg('form.required') });
		});
export type CreateChallengeInput = z.infer<ReturnType<typeof createChallengeSchemaFor>>;

/**
 * The challenge form as a plain object: ticked actions come as `actionIds`, each with its points in
 * `points_<id>`. Unticked actions are ignored whatever their points say.
 */
export function challengeFormObject(raw: Record<string, string | string[]>): Record<string, unknown> {
	const ticked = toArray(raw.actionIds).slice(0, CHALLENGE_RULES.maxActions + 1) as string[];
	return {
		...raw,
		actions: [...new Set(ticked)].map((id) => ({ actionId: id, points: raw[`points_${id}`] }))
	};
}
