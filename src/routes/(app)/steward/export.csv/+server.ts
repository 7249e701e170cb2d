import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { listStewardPoints } from '$lib/server/playground/points';
import { relationToPoint } from '$lib/server/access/relations';
import { listForExport } from '$lib/server/playground/lists';
import { toCsv } from '$lib/utils/csv';
import { kgForFile } from '$lib/utils/units';

/** The steward's contributions as CSV: one point (?point=) or all of theirs. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'steward');
	const db = await getDb();
	const points = await listStewardPoints(db, user.id);
	const wanted = event.url.searchParams.get('point');
	let pointIds = points.map((p) => p.id);
	if (wanted) {
		const id = Number(wanted);
		if (!Number.isSafeInteger(id) || (await relationToPoint(db, user, id)) !== 'steward')
			error(403, { message: 'playground.error.notSteward' });
		pointIds = [id];
	}
	const rows = await listForExport(db, pointIds);
	const csv = toCsv(
		[
			'id',
			'day',
			'collection_point',
			'playground',
			'component',
			'material',
			'kg',
			'kg_estimated',
			'count',
			'volume_ml',
			'household',
			'student_nickname',
			'class',
			'status',
			'reason',
			'points',
			'recorded_by'
		],
		rows.map((r) => [
			r.id,
			r.localDay,
			r.pointName,
			r.playgroundName,
			r.componentName ?? '',
			r.material,
			kgForFile(r.grams),
			r.gramsEstimated ? 'yes' : 'no',
			r.itemCount ?? '',
			r.volumeMl ?? '',
			r.householdName ?? '',
			r.studentNickname ?? '',
			r.className ?? '',
			r.status,
			r.reason ?? '',
			r.status === 'confirmed' ? r.points : 0,
			r.recordedByNickname ?? ''
		])
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="contributions-${new Date().toISOString().slice(0, 10)}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
