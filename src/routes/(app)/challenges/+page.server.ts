import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { appToday } from '$lib/server/config';
import { challengeState, listChallengesFor } from '$lib/server/actions/challenges';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	const today = appToday();
	const rows = await listChallengesFor(db, user);
	const challenges = rows.map((c) => ({
		id: c.id,
		title: c.title,
		scope: c.scope,
		startDay: c.startDay,
		endDay: c.endDay,
		state: challengeState(c, today)
	}));
	const canCreate = user.roles.some((r) => r === 'teacher' || r === 'steward' || r === 'organiser');
	return { challenges, canCreate };
};
