import { DEFAULT_TIMEZONE, isValidTimeZone } from '$lib/utils/dates';

let cachedZone: string | undefined;

/** The app's time zone (APP_TIMEZONE, default Asia/Ho_Chi_Minh): "today" and "this week" use it. */
export function appTimeZone(): string {
	if (cachedZone) return cachedZone;
	const configured = process.env.APP_TIMEZONE;
	cachedZone = configured && isValidTimeZone(configured) ? configured : DEFAULT_TIMEZONE;
	return cachedZone;
}
