import { describe, expect, it } from 'vitest';
import { checkEcobrick } from './ecobrick';

// 1000 ml bottles, so grams / 1000 is the density.
describe('ecobrick density', () => {
	it('rejects below 0.33 and above 0.73 g/ml, with the reason', () => {
		expect(checkEcobrick(329, 1000)).toMatchObject({
			status: 'reject',
			reason: 'playground.ecobrick.tooLight'
		});
		expect(checkEcobrick(731, 1000)).toMatchObject({
			status: 'reject',
			reason: 'playground.ecobrick.tooHeavy'
		});
	});

	it('accepts the edges themselves, with a warning', () => {
		expect(checkEcobrick(330, 1000)).toEqual({
			status: 'warn',
			density: 0.33,
			reason: 'playground.ecobrick.warnLight'
		});
		expect(checkEcobrick(730, 1000)).toEqual({
			status: 'warn',
			density: 0.73,
			reason: 'playground.ecobrick.warnHeavy'
		});
		expect(checkEcobrick(165, 500)).toMatchObject({ status: 'warn', density: 0.33 });
	});

	it('warns below 0.36 and above 0.65 but not at them', () => {
		expect(checkEcobrick(359, 1000).status).toBe('warn');
		expect(checkEcobrick(360, 1000)).toEqual({ status: 'ok', density: 0.36 });
		expect(checkEcobrick(650, 1000)).toEqual({ status: 'ok', density: 0.65 });
		expect(checkEcobrick(651, 1000)).toMatchObject({
			status: 'warn',
			reason: 'playground.ecobrick.warnHeavy'
		});
		expect(checkEcobrick(500, 1000)).toEqual({ status: 'ok', density: 0.5 });
	});

	it('needs a volume and a weight', () => {
		expect(checkEcobrick(500, undefined)).toMatchObject({
			status: 'reject',
			reason: 'playground.ecobrick.needsVolume'
		});
		expect(checkEcobrick(500, 0)).toMatchObject({
			status: 'reject',
			reason: 'playground.ecobrick.needsVolume'
		});
		expect(checkEcobrick(0, 1000)).toMatchObject({
			status: 'reject',
			reason: 'playground.ecobrick.needsVolume'
		});
	});
});
