import { z } from 'zod';
import { msg } from '$lib/i18n/msg';
import { idSchema, idempotencyKeySchema, text } from './common';
import { isDay } from '$lib/utils/dates';
import { ACTION_RULES } from '$lib/rules/actions';

/** A local day `YYYY-MM-DD` that exists on the calendar. */
export const daySchema = z
	.string({ error: msg('form.required') })
	.refine((v) => isDay(v), { error: msg('actions.day.invalid') });

/** How many times: a whole number from 1 (negative, zero, fractions and text are refused). */
const countSchema = z.coerce
	.number({ error: msg('actions.count.invalid') })
	.int({ error: msg('actions.count.invalid') })
	.min(1, { error: msg('actions.count.invalid') })
	.max(ACTION_RULES.maxLogCount, { error: msg('actions.count.invalid') });

/** An optional id from a form: '' or missing means none. */
export const optionalId = z.preprocess(
	(v) => (v === '' || v === undefined || v === null ? undefined : v),
	idSchema.optional()
);

export const logActionSchema = z.object({
	actionId: idSchema,
	count: z.preprocess((v) => (v === undefined || v === '' ? '1' : v), countSchema),
	day: daySchema,
	mode: z.enum(['person', 'household'], { error: msg('form.invalid') }),
	/** The household the form was shown for (household mode): must be the user's own. */
	householdId: optionalId,
	classId: optionalId,
	idempotencyKey: idempotencyKeySchema
});
export type LogActionInput = z.infer<typeof logActionSchema>;

export const voidEntrySchema = z.object({
	entryId: idSchema,
	reason: text(ACTION_RULES.voidReason.max, ACTION_RULES.voidReason.min)
});
export type VoidEntryInput = z.infer<typeof voidEntrySchema>;

/** The author undoing their own entry (who may, and until when, is the service's check). */
export const undoEntrySchema = z.object({ entryId: idSchema });

const whole = (min: number, max: number) =>
	z.coerce
		.number({ error: msg('form.invalid') })
		.int({ error: msg('actions.whole') })
		.min(min, { error: msg('actions.range') })
		.max(max, { error: msg('actions.range') });

/** An organiser's action in the catalogue. */
export const catalogueActionSchema = z.object({
	nameVi: text(120),
	nameEn: text(120),
	points: whole(ACTION_RULES.points.min, ACTION_RULES.points.max),
	dailyCap: whole(ACTION_RULES.dailyCap.min, ACTION_RULES.dailyCap.max),
	impactFactorId: idSchema,
	audience: z.enum(['student', 'household', 'both'], { error: msg('form.invalid') })
});
export type CatalogueActionInput = z.infer<typeof catalogueActionSchema>;
