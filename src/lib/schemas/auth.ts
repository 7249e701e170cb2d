import { z } from 'zod';
import { msg } from '$lib/i18n/msg';
import { idempotencyKeySchema, nicknameSchema, text } from './common';

export const passwordSchema = z
	.string({ error: msg('form.required') })
	.min(8, { error: msg('auth.password.tooShort') })
	.max(128, { error: msg('auth.password.tooLong') });

export const loginSchema = z.object({
	username: text(254),
	password: z
		.string({ error: msg('form.required') })
		.min(1, { error: msg('form.required') })
		.max(128, { error: msg('auth.password.tooLong') })
});
export type LoginInput = z.infer<typeof loginSchema>;

const ADULT_SIGNUP_ROLES = ['teacher', 'household'] as const;

export const signupSchema = z.object({
	displayName: text(100),
	nickname: nicknameSchema,
	email: z
		.string({ error: msg('form.required') })
		.max(254, { error: msg('auth.email.invalid') })
		.transform((s) => s.trim().toLowerCase())
		.pipe(z.email({ error: msg('auth.email.invalid') })),
	password: passwordSchema,
	role: z.enum(ADULT_SIGNUP_ROLES, { error: msg('form.invalid') })
});
export type SignupInput = z.infer<typeof signupSchema>;

export const changePasswordSchema = z
	.object({
		current: z
			.string({ error: msg('form.required') })
			.min(1, { error: msg('form.required') })
			.max(128, { error: msg('auth.password.tooLong') }),
		password: passwordSchema,
		confirm: z.string({ error: msg('form.required') }).max(128, { error: msg('auth.password.tooLong') }),
		idempotencyKey: idempotencyKeySchema
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: msg('auth.password.mismatch') });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const languageSchema = z.object({
	lang: z.enum(['vi', 'en'], { error: msg('form.invalid') }),
	redirectTo: z.string().max(2000).optional()
});
