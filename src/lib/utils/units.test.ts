import { describe, expect, it } from 'vitest';
import { kgForChart, kgForFile, kgFormatOptions } from './units';

describe('kilograms', () => {
	it('shows small amounts to two decimals, totals to one, tonnes to none', () => {
		const shown = (g: number) => new Intl.NumberFormat('en', kgFormatOptions(g)).format(g / 1000);
		expect(shown(350)).toBe('0.35');
		expect(shown(2_555)).toBe('2.56');
		expect(shown(12_345)).toBe('12.3');
		expect(shown(1_234_567)).toBe('1,235');
	});

	it('writes files with two decimals and charts with one', () => {
		expect(kgForFile(1_250)).toBe('1.25');
		expect(kgForFile(12_340)).toBe('12.34');
		expect(kgForChart(12_345)).toBe(12.3);
	});
});
