import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getMemberships } from '$lib/server/access/membership';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { classId } = await getMemberships(await getDb(), user.id);
	return { username: user.username, classId };
};
