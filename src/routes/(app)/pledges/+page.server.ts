import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { appTimeZone, appToday } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { createPledgeSchema } from '$lib/schemas/pledges';
import { fieldErrors } from '$lib/schemas/common';
import { createPledge } from '$lib/server/pledges/pledges';
import { listMyPledges, personStreak, pledgeImpact } from '$lib/server/pledges/queries';
import { addDays } from '$lib/utils/dates';
import { PLEDGE_LIMITS } from '$lib/rules/pledges';
import { checkinAction } from './checkin-action';
import { readForm } from '$lib/server/form-values';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	const today = appToday();
	const lists = await listMyPledges(db, user.id, today);
	const [impact, householdImpact, streak] = await Promise.all([
		pledgeImpact(db, 'person', user.id, today),
		lists.householdId ? pledgeImpact(db, 'household', lists.householdId, today) : null,
		personStreak(db, user.id, today)
	]);
	const open = [...lists.personal, ...lists.household].filter((p) => p.state === 'active');
	return {
		today,
		untilMin: addDays(today, PLEDGE_LIMITS.minDays - 1),
		untilMax: addDays(today, PLEDGE_LIMITS.maxDays - 1),
		...lists,
		impact,
		householdImpact,
		streak,
		createKey: crypto.randomUUID(),
		checkinKeys: Object.fromEntries(open.map((p) => [p.id, crypto.randomUUID()])) as Record<number, string>
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const values = await readForm(event);
		const parsed = createPledgeSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { create: { values, errors: fieldErrors(parsed.error), error: 'form.hasErrors' } });
		const db = await getDb();
		const result = await createPledge(db, user.id, parsed.data, new Date(), appTimeZone());
		if (!result.ok) {
			const errors = result.field ? { [result.field]: result.error } : {};
			return fail(result.status, { create: { values, errors, error: result.error } });
		}
		setFlash(event.cookies, 'pledge.created');
		redirect(303, `/pledges/${result.pledgeId}`);
	},
	checkin: (event) => checkinAction(event, () => '/pledges')
};
