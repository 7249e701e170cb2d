import { describe, expect, it } from 'vitest';
import {
	componentProgress,
	effectiveGrams,
	kgToGrams,
	overallProgress,
	percent,
	pointsFor
} from './playground';

describe('points', () => {
	it('pays each material its rate per kg, rounded to whole points', () => {
		expect(pointsFor('pet_bottles', 1000)).toBe(20);
		expect(pointsFor('pet_bottles', 2550)).toBe(51);
		expect(pointsFor('ecobricks', 600)).toBe(24);
		expect(pointsFor('bottle_caps', 10)).toBe(0); // 0.3 rounds down
		expect(pointsFor('bottle_caps', 17)).toBe(1); // 0.51 rounds up
		expect(pointsFor('other', 0)).toBe(0);
		expect(pointsFor('other', -500)).toBe(0);
	});

	it('converts typed kilograms to grams without float drift', () => {
		expect(kgToGrams(2.55)).toBe(2550);
		expect(kgToGrams(0.01)).toBe(10);
		expect(kgToGrams(1.005)).toBe(1005);
	});

	it('estimates the weight of counted bottles and caps only', () => {
		expect(effectiveGrams('pet_bottles', undefined, 30)).toEqual({ grams: 300, estimated: true });
		expect(effectiveGrams('bottle_caps', null, 100)).toEqual({ grams: 200, estimated: true });
		expect(effectiveGrams('soft_plastic', undefined, 30)).toBeNull();
		expect(effectiveGrams('pet_bottles', 450, 30)).toEqual({ grams: 450, estimated: false });
	});
});

describe('progress', () => {
	it('follows the lagging target when a component has both, capped at 100%', () => {
		expect(componentProgress({ targetGrams: 10_000, targetItems: null }, { grams: 2500, items: 0 })).toBe(
			0.25
		);
		expect(componentProgress({ targetGrams: 10_000, targetItems: 100 }, { grams: 10_000, items: 40 })).toBe(
			0.4
		);
		expect(componentProgress({ targetGrams: null, targetItems: 50 }, { grams: 0, items: 75 })).toBe(1);
		expect(componentProgress({ targetGrams: null, targetItems: null }, { grams: 999, items: 9 })).toBe(0);
	});

	it('averages components, so one finished part cannot hide three untouched ones', () => {
		expect(overallProgress([1, 0, 0, 0])).toBe(0.25);
		expect(overallProgress([2, 0.5])).toBe(0.75);
		expect(overallProgress([])).toBe(0);
	});

	it('shows 100% only when done', () => {
		expect(percent(0.996)).toBe(99);
		expect(percent(1)).toBe(100);
		expect(percent(-1)).toBe(0);
	});
});
