import { z } from 'zod';
import { msg } from '$lib/i18n/msg';
import type { MessageKey } from '$lib/i18n/vi';
import { idempotencyKeySchema, idSchema, text } from './common';
import { PLEDGE_ITEM_CODES } from '$lib/pledges/items';
import { PLEDGE_LIMITS } from '$lib/rules/pledges';

/** A whole number from a form field, with i18n keys for the messages. */
const count = (max: number, error: MessageKey) =>
	z
		.string({ error: msg('form.required') })
		.trim()
		.min(1, { error: msg('form.required') })
		.regex(/^\d{1,6}$/, { error })
		.transform(Number)
		.pipe(z.number().int().min(1, { error }).max(max, { error }));

const PLEDGE_DURATIONS = ['7', '21', '30', 'until'] as const;

export const createPledgeSchema = z
	.object({
		owner: z.enum(['me', 'household'], { error: msg('form.invalid') }),
		item: z.enum(PLEDGE_ITEM_CODES, { error: msg('pledge.error.item') }),
		customName: z.string().max(2000).optional(),
		customGrams: z.string().max(20).optional(),
		usesPerDay: count(PLEDGE_LIMITS.maxUsesPerDay, msg('pledge.error.uses')),
		duration: z.enum(PLEDGE_DURATIONS, { error: msg('pledge.error.duration') }),
		untilDay: z.string().max(20).optional(),
		idempotencyKey: idempotencyKeySchema
	})
	.transform((v, ctx) => {
		let customName: string | null = null;
		let customGrams: number | null = null;
		if (v.item === 'custom') {
			const name = text(60).safeParse(v.customName ?? '');
			if (!name.success)
				ctx.addIssue({ code: 'custom', path: ['customName'], message: name.error.issues[0].message });
			else customName = name.data;
			const grams = count(PLEDGE_LIMITS.maxCustomGrams, msg('pledge.error.grams')).safeParse(
				v.customGrams ?? ''
			);
			if (!grams.success)
				ctx.addIssue({ code: 'custom', path: ['customGrams'], message: grams.error.issues[0].message });
			else customGrams = grams.data;
		}
		let untilDay: string | null = null;
		if (v.duration === 'until') {
			if (!v.untilDay || !/^\d{4}-\d{2}-\d{2}$/.test(v.untilDay)) {
				ctx.addIssue({ code: 'custom', path: ['untilDay'], message: msg('pledge.error.untilDay') });
			} else untilDay = v.untilDay;
		}
		return {
			owner: v.owner,
			item: v.item,
			customName,
			customGrams,
			usesPerDay: v.usesPerDay,
			days: v.duration === 'until' ? null : Number(v.duration),
			untilDay,
			idempotencyKey: v.idempotencyKey
		};
	});
export type CreatePledgeInput = z.infer<typeof createPledgeSchema>;

export const checkinSchema = z.object({
	pledgeId: idSchema,
	day: z.enum(['today', 'yesterday'], { error: msg('pledge.error.day') }),
	count: count(PLEDGE_LIMITS.maxUsesPerDay, msg('pledge.error.count')),
	idempotencyKey: idempotencyKeySchema
});
export type CheckinInput = z.infer<typeof checkinSchema>;
