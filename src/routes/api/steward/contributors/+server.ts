import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { idSchema } from '$lib/schemas/common';
import { contributorDirectory } from '$lib/server/playground/directory';

/** The steward desk's offline contributor list for one of the steward's points (private, never cached). */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'steward');
	const pointId = idSchema.safeParse(event.url.searchParams.get('point'));
	if (!pointId.success) error(400, { message: 'form.invalid' });
	const entries = await contributorDirectory(await getDb(), user.id, pointId.data);
	if (!entries) error(403, { message: 'playground.error.notSteward' });
	return json({ entries }, { headers: { 'cache-control': 'private, no-store' } });
};
