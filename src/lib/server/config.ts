import { DEFAULT_TIMEZONE, isValidTimeZone, localDay } from '$lib/utils/dates';

let cachedZone: string | undefined;

/**
 * The app's time zone (APP_TIMEZONE, default Asia/Ho_Chi_Minh): "today" and "this week" use it.
 * Only routes and start-up read it; services take the zone (or the day) as a parameter.
 */
export function appTimeZone(): string {
	if (cachedZone) return cachedZone;
	const configured = process.env.APP_TIMEZONE;
	cachedZone = configured && isValidTimeZone(configured) ? configured : DEFAULT_TIMEZONE;
	return cachedZone;
}

/** Today (`YYYY-MM-DD`) in the app time zone, or the local day of `now`. */
export function appToday(now: Date = new Date()): string {
	return localDay(now, appTimeZone());
}
