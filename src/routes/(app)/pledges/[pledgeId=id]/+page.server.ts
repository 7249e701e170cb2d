import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/access/routes';
import { appTimeZone, appToday } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { impactFactor } from '$lib/server/db/schema';
import { endPledge, pledgeAccess } from '$lib/server/pledges/pledges';
import { dailySeries, getPledge, pledgeImpact } from '$lib/server/pledges/queries';
import { addDays } from '$lib/utils/dates';
import { pledgeItem } from '$lib/pledges/items';
import { checkinAction } from '../checkin-action';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	const pledgeId = parseId(event.params.pledgeId);
	const today = appToday();
	const found = await getPledge(db, pledgeId, today);
	if (!found) error(404, { message: 'error.404' });
	const { view, checkins } = found;
	const access = await pledgeAccess(db, user.id, { userId: view.ownerId, householdId: view.householdId });
	if (!access) error(403, { message: 'error.403' });

	const factorCode = pledgeItem(view.item).impactFactor;
	const [factor] = factorCode
		? await db
				.select({ source: impactFactor.source })
				.from(impactFactor)
				.where(eq(impactFactor.code, factorCode))
		: [];
	const last = view.endedOn ?? view.endDay;
	const seriesEnd = last < today ? last : today;
	// A long pledge's chart shows its last 60 days, so it stays readable on a phone.
	const seriesStart = addDays(seriesEnd, -59) > view.startDay ? addDays(seriesEnd, -59) : view.startDay;
	return {
		pledge: view,
		canAct: access === 'act',
		checkins: checkins.slice(-60).reverse(),
		series: dailySeries(checkins, seriesStart, seriesEnd),
		source: factor?.source ?? null,
		impact: await pledgeImpact(db, 'pledge', pledgeId, today),
		checkinKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	checkin: (event) => checkinAction(event, (id) => `/pledges/${id}`),
	end: async (event) => {
		const user = requireUser(event);
		const pledgeId = parseId(event.params.pledgeId);
		const db = await getDb();
		const result = await endPledge(db, user.id, pledgeId, new Date(), appTimeZone());
		if (!result.ok) return refuse(result.status, { form: 'end', message: result.error });
		setFlash(event.cookies, 'pledge.ended');
		redirect(303, `/pledges/${pledgeId}`);
	}
};
