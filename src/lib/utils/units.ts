import { numberFormatter } from './intl-cache';

/*
 * The one home for grams → kilograms. Amounts are stored as whole grams; every kilogram a person
 * reads, a chart draws or a file holds comes from here (units.test.ts fails on a copy elsewhere).
 */

/**
 * Decimals of kilograms shown to people: two under 10 kg (a bag of caps weighs 0,35 kg), one under
 * a tonne, none above, so small drop-offs keep their precision and big totals carry no false one.
 */
function kgDigits(grams: number): number {
	const kg = Math.abs(grams) / 1000;
	return kg < 10 ? 2 : kg < 1000 ? 1 : 0;
}

/** The number format of kilograms shown to people (`formatKgIn`, and through it the client's `formatKg`). */
export function kgFormatOptions(grams: number): Intl.NumberFormatOptions {
	return { maximumFractionDigits: kgDigits(grams) };
}

/** Kilograms shown to people in a given language (`intlLocale`), without the unit: for the server. */
export function formatKgIn(locale: string, grams: number): string {
	return numberFormatter(locale, kgFormatOptions(grams)).format(grams / 1000);
}

/**
 * Kilograms rounded as people see them, as a number: for a message's count `{n}`, which the message
 * writes in its locale's way, so "{n} kg" reads exactly as `formatKg` would write it.
 */
export function kgShown(grams: number): number {
	const scale = 10 ** kgDigits(grams);
	return (Math.sign(grams) * Math.round((Math.abs(grams) * scale) / 1000)) / scale;
}

/** Grams as kilograms for a chart's axis: one decimal is all a bar or a line can show. */
export function kgForChart(grams: number): number {
	return Math.round(grams / 100) / 10;
}

/**
 * Grams as kilograms for files (CSV): a plain number, the same in every language, exactly the
 * stored grams (up to three decimals: 0.02, 1.25, -0.012). Files are summed and filtered in
 * spreadsheets row by row, and rows hold grams that are not multiples of 10 (an action's grams
 * avoided, a count's estimate), so rounding would make a column's sum drift from the app's total
 * (two decimals: up to 5 g a row). A number, not text: csv.ts writes a text cell that starts with
 * "-" as a formula-safe '-0.012, which a spreadsheet would not add up (a void's negative grams).
 */
export function kgForFile(grams: number): number {
	return grams / 1000;
}

/** Grams as the value of a kilogram field a person may correct and send back: exact, never rounded. */
export function kgForInput(grams: number): string {
	return String(grams / 1000);
}
