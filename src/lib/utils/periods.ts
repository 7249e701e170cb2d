/**
 * Report periods: inclusive ranges of local days, their presets, and how they split into weeks,
 * months and rollup buckets. Pure (no clock, no database): callers pass today.
 */
import { addDays, daysBetween, isDay, monthEnd, monthKey, monthStart, weekStart } from './dates';

export interface Period {
	from: string;
	to: string;
}

/** A report covers at most five years: longer ranges are refused before anything is computed. */
export const MAX_PERIOD_YEARS = 5;

export const PERIOD_PRESETS = ['4w', '12w', 'month', 'last-month', '52w'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The same calendar day `years` later (29 February becomes 1 March in a common year). */
export function addYears(day: string, years: number): string {
	const [y, m, d] = day.split('-').map(Number);
	const date = new Date(Date.UTC(y + years, m - 1, d));
	return date.toISOString().slice(0, 10);
}

/** The period a preset names on `today`. */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
	switch (preset) {
		case '4w':
			return { from: addDays(today, -27), to: today };
		case '12w':
			return { from: addDays(today, -83), to: today };
		case '52w':
			return { from: addDays(today, -363), to: today };
		case 'month':
			return { from: monthStart(today), to: today };
		case 'last-month': {
			const end = addDays(monthStart(today), -1);
			return { from: monthStart(end), to: end };
		}
	}
}

export type PeriodProblem = 'invalid' | 'reversed' | 'tooLong';

/** Why a period cannot be reported on, or null when it can (days valid, in order, under five years). */
export function periodProblem(p: Period): PeriodProblem | null {
	if (!isDay(p.from) || !isDay(p.to) || p.from < '2000-01-01' || p.to > '2199-12-31') return 'invalid';
	if (p.from > p.to) return 'reversed';
	if (p.to >= addYears(p.from, MAX_PERIOD_YEARS)) return 'tooLong';
	return null;
}

export function periodDays(p: Period): number {
	return daysBetween(p.from, p.to) + 1;
}

/** A rollup bucket: one local day, one week (its Monday) or one month (`YYYY-MM`), with its first day. */
export interface Bucket {
	grain: 'day' | 'week' | 'month';
	bucket: string;
	start: string;
}

/**
 * Disjoint buckets that exactly cover the period, as few as possible: whole months where they fit,
 * whole weeks where a month does not, single days at the edges. A week that would swallow the
 * start of a month that fits gives way to days, so the month can be taken whole. Five years is at
 * most about 90 buckets, a month about 10.
 */
export function tileBuckets(p: Period): Bucket[] {
	const out: Bucket[] = [];
	let day = p.from;
	while (day <= p.to) {
		const nextMonth = addDays(monthEnd(day), 1);
		const monthFits = (start: string) => monthEnd(start) <= p.to;
		if (day === monthStart(day) && monthFits(day)) {
			out.push({ grain: 'month', bucket: monthKey(day), start: day });
			day = nextMonth;
		} else if (
			day === weekStart(day) &&
			addDays(day, 6) <= p.to &&
			!(addDays(day, 6) >= nextMonth && monthFits(nextMonth))
		) {
			out.push({ grain: 'week', bucket: day, start: day });
			day = addDays(day, 7);
		} else {
			out.push({ grain: 'day', bucket: day, start: day });
			day = addDays(day, 1);
		}
	}
	return out;
}

/** A labelled part of a period: a week or a month, clipped to the period. */
export interface Slice extends Period {
	/** The week's Monday or the month (`YYYY-MM`). */
	label: string;
}

/** Weeks give a readable trend up to about a year; longer periods are shown month by month. */
export const WEEKLY_TREND_MAX_DAYS = 371;

/**
 * The period cut into weeks (Monday–Sunday) or, past a year, months: clipped to the period at
 * both ends, or with `whole`, the whole weeks or months that overlap it (a trend compares like
 * with like).
 */
export function trendSlices(p: Period, whole = false): { unit: 'week' | 'month'; slices: Slice[] } {
	const unit = periodDays(p) <= WEEKLY_TREND_MAX_DAYS ? 'week' : 'month';
	const slices: Slice[] = [];
	let from = p.from;
	while (from <= p.to) {
		const start = unit === 'week' ? weekStart(from) : monthStart(from);
		const label = unit === 'week' ? start : monthKey(from);
		const end = unit === 'week' ? addDays(start, 6) : monthEnd(from);
		slices.push({ label, from: whole ? start : from, to: whole || end < p.to ? end : p.to });
		from = addDays(end, 1);
	}
	return { unit, slices };
}
