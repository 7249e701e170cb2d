import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/access/routes';
import { hasRole } from '$lib/server/auth/guards';
import { appToday } from '$lib/server/config';
import { modelPage } from '$lib/server/impact/model-page';

// Public: a model shares what worked with anyone who wants to copy it. Nothing here names a person.
export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const page = await modelPage(db, parseId(event.params.modelId), appToday());
	if (!page) error(404, { message: 'error.404' });
	return { ...page, canEdit: hasRole(event.locals.user, 'organiser') };
};
