import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getMemberships } from '$lib/server/access/membership';
import { ownCard } from '$lib/server/people/login-cards';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	const { classId } = await getMemberships(db, user.id);
	return {
		username: user.username,
		classId,
		card: await ownCard(db, user.id),
		signInUrl: `${event.url.origin}/login`
	};
};
