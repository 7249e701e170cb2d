import { z } from 'zod';
import { msg } from '$lib/i18n/msg';
import { idSchema, idempotencyKeySchema, text } from './common';
import { COLLECTION_POINT_KINDS, PLAYGROUND_STATES, MATERIALS, kgToGrams } from '$lib/utils/playground';
import {
	DROP_OFF_REASON,
	LARGE_DROP_OFF_GRAMS,
	MATERIAL_RULES,
	MAX_DROP_OFF_GRAMS,
	MAX_ITEM_COUNT
} from '$lib/rules/playground';
import { checkEcobrick } from '$lib/utils/ecobrick';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalId = z.preprocess(blankToUndefined, idSchema.optional());
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1', z.boolean());

/** Kilograms as people type them: "2", "2.5", "2,55" (two decimals at most). Returns grams. */
const weightKg = z.preprocess(
	blankToUndefined,
	z
		.string({ error: msg('playground.error.weightInvalid') })
		.max(20, { error: msg('playground.error.weightInvalid') })
		.transform((s) => s.trim().replace(',', '.'))
		.pipe(z.string().regex(/^-?\d{1,7}(\.\d{1,2})?$/, { error: msg('playground.error.weightInvalid') }))
		.transform((s) => kgToGrams(Number(s)))
		.optional()
);

const itemCount = z.preprocess(
	blankToUndefined,
	z.coerce
		.number({ error: msg('playground.error.countInvalid') })
		.int({ error: msg('playground.error.countInvalid') })
		.min(-MAX_ITEM_COUNT, { error: msg('playground.error.countInvalid') })
		.max(MAX_ITEM_COUNT, { error: msg('playground.error.countInvalid') })
		.optional()
);

const volumeMl = z.preprocess(
	blankToUndefined,
	z.coerce
		.number({ error: msg('playground.error.volumeInvalid') })
		.int({ error: msg('playground.error.volumeInvalid') })
		.min(1, { error: msg('playground.error.volumeInvalid') })
		.max(20_000, { error: msg('playground.error.volumeInvalid') })
		.optional()
);

/** What was brought: material, weight and/or count, ecobrick volume. Shared by every drop-off form. */
const dropOffFields = {
	material: z.enum(MATERIALS, { error: msg('playground.error.material') }),
	weightKg,
	count: itemCount,
	volumeMl,
	componentId: optionalId,
	confirmLarge: checkbox
};

type DropOff = {
	material: (typeof MATERIALS)[number];
	weightKg?: number;
	count?: number;
	volumeMl?: number;
	confirmLarge: boolean;
};

/**
 * The cross-field rules of a drop-off: something positive to count, nothing absurd, more than
 * 500 kg only with the confirmation box, and an ecobrick inside the density range.
 */
function checkDropOff(v: DropOff, ctx: z.RefinementCtx) {
	const grams = v.weightKg;
	if (grams !== undefined && grams <= 0) {
		ctx.addIssue({ code: 'custom', path: ['weightKg'], message: msg('playground.error.weightPositive') });
		return;
	}
	if (v.count !== undefined && v.count <= 0) {
		ctx.addIssue({ code: 'custom', path: ['count'], message: msg('playground.error.countPositive') });
		return;
	}
	if (grams === undefined) {
		const countOnly = MATERIAL_RULES[v.material].gramsPerItem !== null;
		if (!countOnly || v.count === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['weightKg'],
				message: countOnly ? msg('playground.error.weightOrCount') : msg('playground.error.weightRequired')
			});
		}
		return;
	}
	if (grams > MAX_DROP_OFF_GRAMS) {
		ctx.addIssue({ code: 'custom', path: ['weightKg'], message: msg('playground.error.weightAbsurd') });
		return;
	}
	if (grams > LARGE_DROP_OFF_GRAMS && !v.confirmLarge) {
		ctx.addIssue({
			code: 'custom',
			path: ['confirmLarge'],
			message: msg('playground.error.largeNeedsConfirm')
		});
		return;
	}
	if (v.material === 'ecobricks') {
		// Several ecobricks weighed together: density uses the volume of all of them.
		const bricks = v.count ?? 1;
		const check = checkEcobrick(grams, v.volumeMl === undefined ? undefined : v.volumeMl * bricks);
		if (check.status === 'reject')
			ctx.addIssue({ code: 'custom', path: ['volumeMl'], message: check.reason });
	}
}

export const recordContributionSchema = z
	.object({
		pointId: idSchema,
		playgroundId: idSchema,
		contributor: text(120),
		/** A candidate chosen from an ambiguous search ("h:12", "u:34"); overrides `contributor`. */
		pick: z.preprocess(
			blankToUndefined,
			z
				.string()
				.regex(/^[hu]:\d{1,12}$/, { error: msg('form.invalid') })
				.optional()
		),
		idempotencyKey: idempotencyKeySchema,
		...dropOffFields
	})
	.superRefine(checkDropOff);
export type RecordContributionInput = z.infer<typeof recordContributionSchema>;

export const announceContributionSchema = z
	.object({
		playgroundId: idSchema,
		pointId: idSchema,
		studentId: optionalId,
		idempotencyKey: idempotencyKeySchema,
		...dropOffFields
	})
	.superRefine(checkDropOff);
export type AnnounceContributionInput = z.infer<typeof announceContributionSchema>;

/** Confirming an announced drop-off, with the steward's corrections (what the scale said). */
/** The family was told it would be weighed: a confirmation needs the scale's reading, not a count. */
export const confirmContributionSchema = z
	.object({
		contributionId: idSchema,
		idempotencyKey: idempotencyKeySchema,
		...dropOffFields
	})
	.superRefine((v, ctx) => {
		if (v.weightKg === undefined)
			ctx.addIssue({ code: 'custom', path: ['weightKg'], message: 'playground.error.weighToConfirm' });
		else checkDropOff(v, ctx);
	});
export type ConfirmContributionInput = z.infer<typeof confirmContributionSchema>;

export const decideWithReasonSchema = z.object({
	contributionId: idSchema,
	reason: text(DROP_OFF_REASON.max, DROP_OFF_REASON.min)
});

export const playgroundSchema = z.object({
	modelId: idSchema,
	areaId: idSchema,
	name: text(120),
	description: z.preprocess((v) => v ?? '', text(2000, 0)),
	state: z.enum(PLAYGROUND_STATES, { error: msg('form.invalid') }).default('collecting')
});
export type PlaygroundInput = z.infer<typeof playgroundSchema>;

export const playgroundStateSchema = z.object({
	state: z.enum(PLAYGROUND_STATES, { error: msg('form.invalid') })
});

const optionalTargetKg = z.preprocess(
	blankToUndefined,
	z.coerce
		.number({ error: msg('form.invalid') })
		.positive({ error: msg('playground.error.targetPositive') })
		.max(1_000_000, { error: msg('form.invalid') })
		.optional()
);
const optionalTargetItems = z.preprocess(
	blankToUndefined,
	z.coerce
		.number({ error: msg('form.invalid') })
		.int({ error: msg('form.invalid') })
		.positive({ error: msg('playground.error.targetPositive') })
		.max(10_000_000, { error: msg('form.invalid') })
		.optional()
);

export const componentSchema = z
	.object({
		name: text(80),
		targetKg: optionalTargetKg,
		targetItems: optionalTargetItems,
		materials: z.preprocess(
			(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
			z.array(z.enum(MATERIALS, { error: msg('playground.error.material') })).max(MATERIALS.length)
		)
	})
	.refine((v) => v.targetKg !== undefined || v.targetItems !== undefined, {
		path: ['targetKg'],
		message: msg('playground.error.targetRequired')
	});
export type ComponentInput = z.infer<typeof componentSchema>;

export const collectionPointSchema = z.object({
	name: text(120),
	kind: z.enum(COLLECTION_POINT_KINDS, { error: msg('form.invalid') }),
	openingHours: text(200),
	address: z.preprocess((v) => v ?? '', text(200, 0)),
	schoolId: optionalId,
	neighbourhoodId: optionalId
});
export type CollectionPointInput = z.infer<typeof collectionPointSchema>;

export const stewardSchema = z.object({ pointId: idSchema, username: text(120) });
export const linkPointSchema = z.object({ pointId: idSchema });

export const adoptSchema = z.object({
	componentId: idSchema,
	/** "c:<classId>" or "h:<householdId>". */
	adopter: z.string({ error: msg('form.required') }).regex(/^[ch]:\d{1,12}$/, { error: msg('form.invalid') })
});
