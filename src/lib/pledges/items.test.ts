import { describe, expect, it } from 'vitest';
import { IMPACT_FACTORS } from '$lib/server/db/seed/reference-data';
import { bottlesFor, completionBonus, PLEDGE_ITEMS } from './items';

describe('pledge items', () => {
	it('each item weighs what its impact factor (with its source) says', () => {
		for (const item of PLEDGE_ITEMS) {
			if (item.impactFactor === null) continue;
			const factor = IMPACT_FACTORS.find((f) => f.code === item.impactFactor);
			expect(factor, item.code).toBeDefined();
			expect(item.grams, item.code).toBe(factor!.grams);
			expect(factor!.source.length).toBeGreaterThan(10);
		}
		expect(PLEDGE_ITEMS.map((i) => [i.code, i.grams])).toEqual([
			['bottle', 10],
			['bag', 5],
			['lunchbox', 8],
			['cup', 12],
			['cutlery', 3],
			['custom', null]
		]);
	});

	it('tells grams as bottles and sizes the bonus by the length of the pledge', () => {
		expect(bottlesFor(420)).toBe(42);
		expect(bottlesFor(4)).toBe(0);
		expect(completionBonus(7)).toBe(14);
		expect(completionBonus(30)).toBe(60);
	});
});
