/**
 * Kilograms shown to people: two decimals under 10 kg (a bag of caps weighs 0,35 kg), one under a
 * tonne, none above, so small drop-offs keep their precision and big totals carry no false one.
 */
export function kgFormatOptions(grams: number): Intl.NumberFormatOptions {
	const kg = Math.abs(grams) / 1000;
	return { maximumFractionDigits: kg < 10 ? 2 : kg < 1000 ? 1 : 0 };
}

/** Grams as kilograms for a chart's axis: one decimal is all a bar or a line can show. */
export function kgForChart(grams: number): number {
	return Math.round(grams / 100) / 10;
}

/** Grams as kilograms for files (CSV): a plain number with two decimals, the same in every language. */
export function kgForFile(grams: number): string {
	return (grams / 1000).toFixed(2);
}
