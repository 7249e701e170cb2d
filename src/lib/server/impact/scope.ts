import { eq } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { area, communityModel, school, schoolClass } from '$lib/server/db/schema';
import { isClassTeacher } from '$lib/server/access/membership';
import type { ReportQuery } from '$lib/schemas/impact';
import type { MessageKey } from '$lib/i18n';

export type ReportViewer = { id: number; roles: readonly string[] };

/**
 * How much of a report a viewer sees: an organiser any area, model, school or class (without any
 * individual); a teacher only a class they teach (with its students' nicknames, as on the class
 * report).
 */
export type ReportAccess = { ok: true; as: 'organiser' } | { ok: true; as: 'teacher'; classId: number };

export type ScopeFailure = {
	ok: false;
	status: 403 | 404;
	error: MessageKey;
	params?: Record<string, string>;
};

async function exists(db: DbOrTx, q: ReportQuery): Promise<string | null> {
	const checks: [string, number | null, () => Promise<unknown[]>][] = [
		['area', q.areaId, () => db.select({ id: area.id }).from(area).where(eq(area.id, q.areaId!))],
		[
			'model',
			q.modelId,
			() => db.select({ id: communityModel.id }).from(communityModel).where(eq(communityModel.id, q.modelId!))
		],
		['school', q.schoolId, () => db.select({ id: school.id }).from(school).where(eq(school.id, q.schoolId!))],
		[
			'class',
			q.classId,
			() => db.select({ id: schoolClass.id }).from(schoolClass).where(eq(schoolClass.id, q.classId!))
		]
	];
	for (const [name, id, find] of checks) if (id !== null && (await find()).length === 0) return name;
	return null;
}

/**
 * Whether the viewer may see a report or export with these filters: every named place must exist
 * (404) and be within the viewer's rights (403). Nothing is computed before this says yes.
 */
export async function authoriseReport(
	db: DbOrTx,
	viewer: ReportViewer,
	q: ReportQuery
): Promise<ReportAccess | ScopeFailure> {
	const missing = await exists(db, q);
	if (missing) return { ok: false, status: 404, error: 'impact.error.notFound', params: { name: missing } };
	if (viewer.roles.includes('organiser')) return { ok: true, as: 'organiser' };
	const outside: ScopeFailure = { ok: false, status: 403, error: 'impact.error.outsideRights' };
	if (!viewer.roles.includes('teacher') || q.classId === null) return outside;
	if (q.areaId !== null || q.modelId !== null || q.schoolId !== null) return outside;
	return (await isClassTeacher(db, viewer.id, q.classId))
		? { ok: true, as: 'teacher', classId: q.classId }
		: outside;
}
