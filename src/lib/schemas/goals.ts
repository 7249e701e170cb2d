import { z } from 'zod';
import { msg } from '$lib/i18n/msg';
import { idempotencyKeySchema } from './common';
import { daySchema, optionalId } from './actions';

export const createGoalSchema = z
	.object({
		metric: z.enum(['points', 'action_count', 'kg_collected', 'checkins'], { error: msg('form.invalid') }),
		actionId: optionalId,
		target: z.coerce
			.number({ error: msg('goals.target.invalid') })
			.positive({ error: msg('goals.target.invalid') })
			.max(1_000_000, { error: msg('goals.target.invalid') }),
		deadline: daySchema,
		/** Hidden key of the form: sent twice, it sets one goal. */
		formKey: idempotencyKeySchema.optional()
	})
	.superRefine((v, ctx) => {
		if (v.metric === 'action_count' && !v.actionId)
			ctx.addIssue({ code: 'custom', path: ['actionId'], message: msg('goals.action.required') });
		// kg goals take one decimal (0.5 kg); every other metric counts whole things.
		const scaled = v.metric === 'kg_collected' ? v.target * 10 : v.target;
		if (!Number.isInteger(Math.round(scaled * 1e6) / 1e6))
			ctx.addIssue({ code: 'custom', path: ['target'], message: msg('goals.target.invalid') });
	});
export type CreateGoalInput = z.infer<typeof createGoalSchema>;

/** The stored target in the metric's base unit (grams for kg goals). */
export function goalTargetBase(metric: CreateGoalInput['metric'], target: number): number {
	return metric === 'kg_collected' ? Math.round(target * 1000) : Math.round(target);
}
