import { redirect } from '@sveltejs/kit';
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
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

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
		if (!parsed.success) return refuse(400, { form: 'create', values, errors: fieldErrors(parsed.error) });
		const db = await getDb();
		const result = await createPledge(db, user.id, parsed.data, new Date(), appTimeZone());
		if (!result.ok) {
			const errors = result.field ? { [result.field]: result.error } : {};
			return refuse(result.status, {
				form: 'create',
				values,
				errors,
				message: result.field ? msg('form.hasErrors') : result.error
			});
		}
		setFlash(event.cookies, 'pledge.created');
		redirect(303, `/pledges/${result.pledgeId}`);
	},
	checkin: (event) => checkinAction(event, () => '/pledges')
};
