import { describe, expect, it } from 'vitest';
import { MODEL_KINDS } from '$lib/domain/places';
import { modelFamily } from './model-kinds';

describe('model families', () => {
	it('puts every kind but "other" in exactly one family', () => {
		for (const kind of MODEL_KINDS) {
			if (kind === 'other') expect(modelFamily(kind)).toBeNull();
			else expect(modelFamily(kind), kind).not.toBeNull();
		}
	});

	it('groups markets with food streets and pagodas with playgrounds', () => {
		expect(modelFamily('plastic_free_market')).toBe(modelFamily('green_food_street'));
		expect(modelFamily('pagoda_sorting')).toBe(modelFamily('recycled_playground'));
		expect(modelFamily('green_school')).not.toBe(modelFamily('residential'));
	});
});
