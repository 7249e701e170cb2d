import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { appTimeZone } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { checkinSchema } from '$lib/schemas/pledges';
import { fieldErrors } from '$lib/schemas/common';
import { checkIn } from '$lib/server/pledges/pledges';
import { submissionTime } from '$lib/server/offline/submission-time';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

/**
 * The check-in action shared by the list and the detail page: read, validate, check in, then
 * confirm and go to `back` (or fail with the reason, tagged with the pledge so the right form shows it).
 */
export async function checkinAction(event: RequestEvent, back: (pledgeId: number) => string) {
	const user = requireUser(event);
	const values = await readForm(event);
	// The list shows a form per pledge: the failure names the one it belongs to.
	const form = `checkin-${Number(values.pledgeId) || 0}`;
	const parsed = checkinSchema.safeParse(values);
	if (!parsed.success) {
		return refuse(400, { form, values: { count: values.count }, errors: fieldErrors(parsed.error) });
	}
	const db = await getDb();
	const clock = await submissionTime(db, user.id, values);
	if (!clock.ok) {
		return refuse(clock.status, {
			form,
			values: { count: values.count },
			message: clock.error,
			params: clock.params
		});
	}
	const result = await checkIn(db, user.id, parsed.data, clock.now, appTimeZone());
	if (!result.ok) {
		const errors = result.field ? { [result.field]: result.error } : {};
		return refuse(result.status, {
			form,
			values: { count: values.count },
			errors,
			message: result.field ? msg('form.hasErrors') : result.error
		});
	}
	setFlash(event.cookies, result.completed ? 'pledge.checkin.completed' : 'pledge.checkin.saved');
	redirect(303, back(parsed.data.pledgeId));
}
