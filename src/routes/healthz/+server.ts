import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';

/** Liveness and readiness: 200 after a database round trip, 503 when it fails. Public on purpose. */
export const GET: RequestHandler = async () => {
	try {
		const db = await getDb();
		await db.run(sql`select 1`);
		return json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ status: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
