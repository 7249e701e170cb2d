import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listModels } from '$lib/server/community/areas';

// Public: the community models are the programme's shop window; nothing here is personal.
export const load: PageServerLoad = async () => {
	const db = await getDb();
	return { models: await listModels(db) };
};
