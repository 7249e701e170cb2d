import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { idSchema } from '$lib/schemas/common';
import { contributorDirectory } from '$lib/server/playground/directory';
import { DIRECTORY_KINDS } from '$lib/domain/contributors';

const querySchema = z.object({ point: idSchema, kind: z.enum(DIRECTORY_KINDS) });

/** One half of the steward desk's offline contributor list for one of the steward's points (private, never cached). */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'steward');
	const query = querySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) error(400, { message: 'form.invalid' });
	const entries = await contributorDirectory(await getDb(), user.id, query.data.point, query.data.kind);
	if (!entries) error(403, { message: 'playground.error.notSteward' });
	return json({ entries }, { headers: { 'cache-control': 'private, no-store' } });
};
