import { z } from 'zod';
import { msg } from '$lib/i18n/msg';
import { idSchema, idempotencyKeySchema, text } from './common';
import { daySchema, optionalId } from './actions';

const toArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const challengeActionSchema = z.object({
	actionId: idSchema,
	points: z.coerce
		.number({ error: msg('form.invalid') })
		.int({ error: msg('actions.whole') })
		.min(1, { error: msg('actions.range') })
		.max(1000, { error: msg('actions.range') })
});

export const createChallengeSchema = z
	.object({
		title: text(120),
		description: text(1000, 0),
		scope: z.enum(['class', 'school', 'neighbourhood', 'area'], { error: msg('form.invalid') }),
		classIds: z.preprocess(toArray, z.array(idSchema).max(50, { error: msg('form.invalid') })),
		schoolId: optionalId,
		neighbourhoodId: optionalId,
		areaId: optionalId,
		modelId: optionalId,
		startDay: daySchema,
		endDay: daySchema,
		/** Hidden key of the form: sent twice, it creates one challenge. */
		formKey: idempotencyKeySchema.optional(),
		actions: z
			.array(challengeActionSchema)
			.min(1, { error: msg('challenges.actions.required') })
			.max(50, { error: msg('form.invalid') })
	})
	.superRefine((v, ctx) => {
		if (v.endDay < v.startDay)
			ctx.addIssue({ code: 'custom', path: ['endDay'], message: msg('challenges.days.order') });
		if (v.scope === 'class' && v.classIds.length === 0)
			ctx.addIssue({ code: 'custom', path: ['classIds'], message: msg('challenges.classes.required') });
		if (v.scope === 'school' && !v.schoolId)
			ctx.addIssue({ code: 'custom', path: ['schoolId'], message: msg('form.required') });
		if (v.scope === 'neighbourhood' && !v.neighbourhoodId)
			ctx.addIssue({ code: 'custom', path: ['neighbourhoodId'], message: msg('form.required') });
		if (v.scope === 'area' && !v.areaId)
			ctx.addIssue({ code: 'custom', path: ['areaId'], message: msg('form.required') });
	});
export type CreateChallengeInput = z.infer<typeof createChallengeSchema>;

/**
 * The challenge form as a plain object: ticked actions come as `actionIds`, each with its points in
 * `points_<id>`. Unticked actions are ignored whatever their points say.
 */
export function challengeFormObject(raw: Record<string, string | string[]>): Record<string, unknown> {
	const ticked = toArray(raw.actionIds).slice(0, 60) as string[];
	return {
		...raw,
		actions: [...new Set(ticked)].map((id) => ({ actionId: id, points: raw[`points_${id}`] }))
	};
}
