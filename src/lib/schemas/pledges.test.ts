import { describe, expect, it } from 'vitest';
import { fieldErrors } from './common';
import { checkinSchema, createPledgeSchema } from './pledges';

const key = 'abcdefgh-1234';
const errorsOf = (r: { success: boolean; error?: unknown }) =>
	r.success ? {} : fieldErrors(r.error as never);

describe('pledge forms', () => {
	it('accepts a normal pledge and turns the duration into days', () => {
		const r = createPledgeSchema.safeParse({
			owner: 'me',
			item: 'bottle',
			usesPerDay: '2',
			duration: '21',
			idempotencyKey: key
		});
		expect(r.success && r.data).toMatchObject({
			item: 'bottle',
			usesPerDay: 2,
			days: 21,
			untilDay: null,
			customName: null
		});
	});

	it('refuses a duration, a count or an item out of range, each with its message', () => {
		expect(
			errorsOf(
				createPledgeSchema.safeParse({
					owner: 'me',
					item: 'bottle',
					usesPerDay: '0',
					duration: '14',
					idempotencyKey: key
				})
			)
		).toEqual({
			usesPerDay: 'pledge.error.uses',
			duration: 'pledge.error.duration'
		});
		expect(
			errorsOf(
				createPledgeSchema.safeParse({
					owner: 'x',
					item: 'car',
					usesPerDay: '101',
					duration: '7',
					idempotencyKey: key
				})
			)
		).toMatchObject({
			owner: 'form.invalid',
			item: 'pledge.error.item',
			usesPerDay: 'pledge.error.uses'
		});
	});

	it('a custom item needs a name and its single-use weight; "until" needs a date', () => {
		const r = createPledgeSchema.safeParse({
			owner: 'me',
			item: 'custom',
			customName: ' ',
			customGrams: '999',
			usesPerDay: '1',
			duration: 'until',
			untilDay: 'soon',
			idempotencyKey: key
		});
		expect(errorsOf(r)).toEqual({
			customName: 'form.required',
			customGrams: 'pledge.error.grams',
			untilDay: 'pledge.error.untilDay'
		});
		const ok = createPledgeSchema.safeParse({
			owner: 'me',
			item: 'custom',
			customName: 'Khăn tay',
			customGrams: '2',
			usesPerDay: '1',
			duration: 'until',
			untilDay: '2026-12-24',
			idempotencyKey: key
		});
		expect(ok.success && ok.data).toMatchObject({
			customName: 'Khăn tay',
			customGrams: 2,
			days: null,
			untilDay: '2026-12-24'
		});
	});

	it('a check-in is for today or yesterday only, with 1–100 items', () => {
		expect(
			checkinSchema.safeParse({ pledgeId: '3', day: 'today', count: '4', idempotencyKey: key }).success
		).toBe(true);
		expect(
			errorsOf(checkinSchema.safeParse({ pledgeId: '3', day: 'tomorrow', count: '4', idempotencyKey: key }))
		).toEqual({ day: 'pledge.error.day' });
		expect(
			errorsOf(checkinSchema.safeParse({ pledgeId: '3', day: '2026-11-20', count: '4', idempotencyKey: key }))
		).toEqual({ day: 'pledge.error.day' });
		for (const count of ['0', '101', '-1', '2.5', 'abc', '']) {
			expect(
				checkinSchema.safeParse({ pledgeId: '3', day: 'today', count, idempotencyKey: key }).success,
				count
			).toBe(false);
		}
		expect(
			errorsOf(checkinSchema.safeParse({ pledgeId: 'x', day: 'today', count: '1', idempotencyKey: '!' }))
		).toMatchObject({ pledgeId: 'form.invalid', idempotencyKey: 'form.invalid' });
	});
});
