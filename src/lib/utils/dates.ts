/**
 * Calendar maths in the app time zone. A "day" is a `YYYY-MM-DD` string of the local calendar;
 * weeks start on Monday, months on the 1st. Nothing here reads the clock: callers pass `now`.
 */
export const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		formatters.set(timeZone, f);
	}
	return f;
}

/** The local calendar day of an instant in `timeZone`. */
export function localDay(instant: Date | number, timeZone: string): string {
	return formatterFor(timeZone).format(instant);
}

export function isValidTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone });
		return true;
	} catch {
		return false;
	}
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: string): boolean {
	const m = DAY_RE.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.toISOString().slice(0, 10) === value;
}

function toUtc(day: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(day: string, days: number): string {
	const d = toUtc(day);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
	return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** The Monday that starts the week containing `day`. */
export function weekStart(day: string): string {
	const dow = toUtc(day).getUTCDay(); // 0 = Sunday
	return addDays(day, -((dow + 6) % 7));
}

export function monthKey(day: string): string {
	return day.slice(0, 7);
}

export function monthStart(day: string): string {
	return `${day.slice(0, 7)}-01`;
}

/** Last day of the month containing `day`. */
export function monthEnd(day: string): string {
	const d = toUtc(monthStart(day));
	d.setUTCMonth(d.getUTCMonth() + 1);
	d.setUTCDate(0);
	return d.toISOString().slice(0, 10);
}

/** The period keys a local day falls in: week (its Monday), month (YYYY-MM) and all time. */
export function periodKeysFor(day: string): { week: string; month: string; all: 'all' } {
	return { week: weekStart(day), month: monthKey(day), all: 'all' };
}

/**
 * The days from `from` to `to` (inclusive), at most the last `max` of them: a series builder's loop
 * is bounded whatever dates the database holds. Empty when either is not a real day or `to` is
 * before `from`.
 */
export function dayRange(from: string, to: string, max: number): string[] {
	if (!isDay(from) || !isDay(to) || to < from || max <= 0) return [];
	const count = Math.min(daysBetween(from, to) + 1, max);
	const first = count === daysBetween(from, to) + 1 ? from : addDays(to, -(count - 1));
	return Array.from({ length: count }, (_, i) => addDays(first, i));
}
