import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberFormatter } from './intl-cache';
import { formatKgIn, kgForChart, kgForFile, kgForInput, kgFormatOptions, kgShown } from './units';

/** Grams to check a rule on: every gram up to 20 kg either way, then a sparse walk to 5 tonnes. */
const GRAMS = [
	...Array.from({ length: 40_001 }, (_, i) => i - 20_000),
	...Array.from({ length: 5_000 }, (_, i) => 20_000 + i * 997)
];

/** A whole number of grams as an exact decimal of kilograms, by integer arithmetic. */
function exactKg(grams: number): string {
	const abs = Math.abs(grams);
	const fraction = String(abs % 1000)
		.padStart(3, '0')
		.replace(/0+$/, '');
	return `${grams < 0 ? '-' : ''}${Math.floor(abs / 1000)}${fraction ? `.${fraction}` : ''}`;
}

describe('kilograms', () => {
	it('shows small amounts to two decimals, totals to one, tonnes to none', () => {
		const shown = (g: number) => new Intl.NumberFormat('en', kgFormatOptions(g)).format(g / 1000);
		expect(shown(350)).toBe('0.35');
		expect(shown(2_555)).toBe('2.56');
		expect(shown(12_345)).toBe('12.3');
		expect(shown(1_234_567)).toBe('1,235');
		expect(formatKgIn('vi-VN', 1_250)).toBe('1,25');
		expect(formatKgIn('vi-VN', 12_345)).toBe('12,3');
		expect(formatKgIn('en-GB', 1_234_567)).toBe('1,235');
	});

	it('writes a count of kilograms in a message exactly as formatKg writes the same grams', () => {
		// A message's {n} is written with the locale's plain number format (up to three decimals).
		for (const locale of ['vi-VN', 'en-GB']) {
			const plain = numberFormatter(locale);
			const differ = GRAMS.filter((g) => plain.format(kgShown(g)) !== formatKgIn(locale, g));
			expect(differ, `${locale}: grams shown differently in a message`).toEqual([]);
		}
		expect(kgShown(2_555)).toBe(2.56);
		expect(kgShown(12_345)).toBe(12.3);
	});

	it('writes files with the stored grams exactly, so a column adds up to the total', () => {
		expect(kgForFile(1_250)).toBe(1.25);
		expect(kgForFile(12)).toBe(0.012);
		expect(kgForFile(-10)).toBe(-0.01);
		const wrong = GRAMS.filter((g) => String(kgForFile(g)) !== exactKg(g));
		expect(wrong).toEqual([]);
		expect(kgForInput(2_550)).toBe('2.55');
	});

	it('draws charts to one decimal', () => {
		expect(kgForChart(12_345)).toBe(12.3);
		expect(kgForChart(1_250)).toBe(1.3);
	});
});

/*
 * A tripwire for the next copy of the rule: a division of grams by 1000 (or 100, or a toFixed, or a
 * maximumFractionDigits) on a line that names grams or kilograms, anywhere in src but here. Lines
 * that convert for a reason other than showing or writing kilograms are listed with that reason.
 */
const SRC = join(import.meta.dirname, '..', '..');
const NOT_SHOWN: Record<string, string> = {
	// Points for a drop-off: grams × points per kilogram.
	'lib/utils/playground.ts': 'pointsPerKg) / 1000',
	// An ecobrick's density in g/ml, not kilograms.
	'lib/utils/ecobrick.ts': '(grams / volumeMl) * 1000) / 1000'
};
const MASS = /\b(g|grams?\w*|kg\w*)\b|\w(Grams|Kg)\w*/;
const CONVERTS = /\/\s*(1_?000|1e3|100)\b|\.toFixed\(|maximumFractionDigits/;

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const path = join(dir, d.name);
		if (d.isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [path] : [];
	});
}

describe('the kg rule has one home', () => {
	it('no page, component, chart or export converts grams to kilograms by itself', () => {
		const found: string[] = [];
		for (const path of sources(SRC)) {
			const file = relative(SRC, path);
			if (file === 'lib/utils/units.ts') continue;
			readFileSync(path, 'utf8')
				.split('\n')
				.forEach((line, i) => {
					if (!CONVERTS.test(line) || !MASS.test(line)) return;
					if (NOT_SHOWN[file] && line.includes(NOT_SHOWN[file])) return;
					found.push(`src/${file}:${i + 1}: ${line.trim()}`);
				});
		}
		expect(found, 'use formatKg / formatKgIn / kgShown / kgForChart / kgForFile from utils/units.ts').toEqual(
			[]
		);
	});
});
