import type { SubmitFunction } from '@sveltejs/kit';
import { t } from '$lib/i18n/t';
import { addDays } from '$lib/utils/dates';
import { queueWhenOffline } from './enhance';

/**
 * An action tapped on /today: queued without a connection, for the device's today (or yesterday,
 * when the page's yesterday tab was open), however old the copy of the page is.
 */
export function queueAction(name: string, pageYesterday: string, online?: SubmitFunction): SubmitFunction {
	return queueWhenOffline(
		{
			kind: 'action',
			prepare: (fields, today) => ({
				...fields,
				day: fields.day === pageYesterday ? addDays(today, -1) : today
			}),
			summary: (fields, today) =>
				`${name} · ${t(fields.day === today ? 'offline.day.today' : 'offline.day.yesterday')}`
		},
		online
	);
}

/** A pledge check-in ("today" / "yesterday" is judged from when it was made on the device). */
export function queueCheckin(item: string, online?: SubmitFunction): SubmitFunction {
	return queueWhenOffline(
		{
			kind: 'checkin',
			summary: (fields) =>
				`${t('offline.checkin', { item })} · ${t(fields.day === 'yesterday' ? 'offline.day.yesterday' : 'offline.day.today')}`
		},
		online
	);
}
