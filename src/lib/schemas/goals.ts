import { z } from 'zod';
import { msg } from '$lib/i18n/msg';
import { idempotencyKeySchema } from './common';
import { daySchema, optionalId } from './actions';
import { GOAL_METRICS, type GoalMetric } from '$lib/domain/goals';
import { GOAL_RULES, goalDeadlineBounds } from '$lib/rules/goals';

/**
 * A class goal set on `today`: a deadline from today to a year ahead, a target inside its metric's
 * range (kg to one decimal, everything else whole). The same bounds feed the form's min/max and
 * `createGoal`.
 */
export function createGoalSchemaFor(today: string) {
	const deadline = goalDeadlineBounds(today);
	return z
		.object({
			metric: z.enum(GOAL_METRICS, { error: msg('form.invalid') }),
			actionId: optionalId,
			target: z.coerce
				.number({ error: msg('goals.target.invalid') })
				.refine((n) => Number.isFinite(n), { error: msg('goals.target.invalid') }),
			deadline: daySchema
				.refine((d) => d >= deadline.min, { error: msg('goals.deadline.past') })
				.refine((d) => d <= deadline.max, { error: msg('goals.deadline.tooFar') }),
			/** Hidden key of the form: sent twice, it sets one goal. */
			formKey: idempotencyKeySchema.optional()
		})
		.superRefine((v, ctx) => {
			if (v.metric === 'action_count' && !v.actionId)
				ctx.addIssue({ code: 'custom', path: ['actionId'], message: msg('goals.action.required') });
			const range = GOAL_RULES.target[v.metric];
			if (!(v.target >= range.min && v.target <= range.max)) {
				ctx.addIssue({ code: 'custom', path: ['target'], message: msg('goals.target.range') });
				return;
			}
			// kg goals take one decimal (0.5 kg); every other metric counts whole things.
			const scaled = v.metric === 'kg_collected' ? v.target * 10 : v.target;
			if (!Number.isInteger(Math.round(scaled * 1e6) / 1e6))
				ctx.addIssue({ code: 'custom', path: ['target'], message: msg('goals.target.invalid') });
		});
}
export type CreateGoalInput = z.infer<ReturnType<typeof createGoalSchemaFor>>;

/** The stored target in the metric's base unit (grams for kg goals). */
export function goalTargetBase(metric: GoalMetric, target: number): number {
	return metric === 'kg_collected' ? Math.round(target * 1000) : Math.round(target);
}
