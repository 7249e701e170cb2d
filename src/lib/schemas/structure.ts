import { z } from 'zod';
import { msg } from '$lib/i18n/msg';
import { idSchema, idempotencyKeySchema, nicknameSchema, text } from './common';
import { passwordSchema } from './auth';
import {
	AREA_KINDS,
	HOST_KINDS,
	HOUSEHOLD_KINDS,
	MODEL_KINDS,
	NEIGHBOURHOOD_KINDS
} from '$lib/domain/places';

/** An optional id from a <select> whose empty option means "none". */
const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), idSchema.nullable());

export const areaSchema = z.object({
	nameVi: text(120),
	nameEn: text(120),
	kind: z.enum(AREA_KINDS, { error: msg('form.invalid') }),
	parentId: optionalId
});
export type AreaInput = z.infer<typeof areaSchema>;

export const modelSchema = z.object({
	nameVi: text(300),
	nameEn: text(300),
	areaId: idSchema,
	hostKind: z.enum(HOST_KINDS, { error: msg('form.invalid') }),
	hostName: text(200, 0),
	kind: z.enum(MODEL_KINDS, { error: msg('form.invalid') }),
	descriptionVi: text(1000, 0),
	descriptionEn: text(1000, 0)
});
export type ModelInput = z.infer<typeof modelSchema>;

export const schoolSchema = z.object({ name: text(150), areaId: idSchema, modelId: optionalId });
export type SchoolInput = z.infer<typeof schoolSchema>;

export const neighbourhoodSchema = z.object({
	name: text(150),
	areaId: idSchema,
	kind: z.enum(NEIGHBOURHOOD_KINDS, { error: msg('form.invalid') }),
	modelId: optionalId
});
export type NeighbourhoodInput = z.infer<typeof neighbourhoodSchema>;

export const stewardSchema = z.object({ neighbourhoodId: idSchema, username: text(254) });

/** A code typed by a person: normalised later; here only bounded. */
export const codeSchema = z.object({ code: text(20) });

export const classSchema = z.object({
	schoolId: idSchema,
	name: text(20).pipe(
		z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N} .\-/]*$/u, { error: msg('structure.class.nameInvalid') })
	),
	grade: z.coerce
		.number({ error: msg('form.invalid') })
		.int({ error: msg('form.invalid') })
		.min(1, { error: msg('structure.class.gradeRange') })
		.max(12, { error: msg('structure.class.gradeRange') }),
	schoolYear: text(9).pipe(
		z
			.string()
			.regex(/^\d{4}-\d{4}$/, { error: msg('structure.class.yearInvalid') })
			.refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, {
				error: msg('structure.class.yearInvalid')
			})
	)
});
export type ClassInput = z.infer<typeof classSchema>;

export const joinClassSchema = z
	.object({
		code: text(20),
		displayName: text(100).pipe(
			z.string().refine((s) => /\p{L}/u.test(s), { error: msg('structure.nickname.needsLetter') })
		),
		nickname: nicknameSchema,
		password: passwordSchema,
		confirm: z.string({ error: msg('form.required') }).max(128, { error: msg('auth.password.tooLong') }),
		idempotencyKey: idempotencyKeySchema
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: msg('auth.password.mismatch') });
export type JoinClassInput = z.infer<typeof joinClassSchema>;

export const MAX_ROSTER = 60;
export const rosterSchema = z.object({
	names: z
		.string({ error: msg('form.required') })
		.max(MAX_ROSTER * 200, { error: msg('structure.roster.tooBig') }),
	importKey: idempotencyKeySchema
});

const isoDay = z
	.string({ error: msg('form.required') })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg('form.invalid') });
export const consentSchema = z.object({ collectedOn: isoDay, note: text(500, 0) });
export type ConsentInput = z.infer<typeof consentSchema>;

export const householdSchema = z.object({
	neighbourhoodId: idSchema,
	displayName: text(80),
	kind: z.enum(HOUSEHOLD_KINDS, { error: msg('form.invalid') })
});
export type HouseholdInput = z.infer<typeof householdSchema>;

export const memberActionSchema = z.object({ userId: idSchema });
export const eraseSchema = z.object({ confirm: text(40) });
