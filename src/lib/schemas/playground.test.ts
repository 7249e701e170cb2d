import { describe, expect, it } from 'vitest';
import { confirmContributionSchema, recordContributionSchema } from './playground';

const key = '0b7c9a52-2d4e-4f1a-9b8e-3c6d5e4f7a10';
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	r.success ? [] : r.error!.issues.map((i) => [i.path.join('.'), i.message]);

describe('confirming an announced drop-off', () => {
	it('needs a weighed amount: a count alone is refused with one error on the weight', () => {
		const r = confirmContributionSchema.safeParse({
			contributionId: '3',
			idempotencyKey: key,
			material: 'bottle_caps',
			count: '40'
		});
		expect(issues(r)).toEqual([['weightKg', 'playground.error.weighToConfirm']]);
	});

	it('accepts the scale reading', () => {
		const r = confirmContributionSchema.safeParse({
			contributionId: '3',
			idempotencyKey: key,
			material: 'bottle_caps',
			weightKg: '0,4',
			count: '40'
		});
		expect(r.success && r.data.weightKg).toBe(400);
	});

	it('a steward recording at the counter may still count caps without weighing', () => {
		const r = recordContributionSchema.safeParse({
			pointId: '1',
			playgroundId: '1',
			contributor: 'Nhà Xanh',
			idempotencyKey: key,
			material: 'bottle_caps',
			count: '40'
		});
		expect(r.success).toBe(true);
	});

	it('an ecobrick out of range gives one error, on the volume', () => {
		const r = confirmContributionSchema.safeParse({
			contributionId: '3',
			idempotencyKey: key,
			material: 'ecobricks',
			weightKg: '0.1',
			volumeMl: '600'
		});
		expect(issues(r)).toEqual([['volumeMl', 'playground.ecobrick.tooLight']]);
	});
});
