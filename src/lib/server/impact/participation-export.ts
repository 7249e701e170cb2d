import { sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import type { ReportQuery } from '$lib/schemas/impact';
import type { CsvPage } from '$lib/utils/csv';
import type { ReportAccess } from './scope';
import { breathe, placeMatches, type ExportPlan } from './export-shared';
import { kgForFile } from '$lib/utils/units';

type GroupKind = 'class' | 'household' | 'person';
interface Cursor {
	phase: number;
	offset: number;
}

/** Groups whose week rows are read per page. */
const GROUPS_PER_PAGE = 200;

/**
 * The groups in scope, in id order: classes (school in the area and model; or the school's or the
 * class itself), households (neighbourhood in the area and model; none once a school or class is
 * chosen) and, for a class's teacher, its students. Only ids: bounded by the number of groups.
 */
async function groupsInScope(db: DbOrTx, q: ReportQuery, access: ReportAccess) {
	const classWhere = [placeMatches(q, sql`s.area_id`, sql`s.model_id`)];
	if (q.schoolId !== null) classWhere.push(sql`c.school_id = ${q.schoolId}`);
	if (q.classId !== null) classWhere.push(sql`c.id = ${q.classId}`);
	const classes = await db.all<{ id: number }>(
		sql`SELECT c.id FROM class c JOIN school s ON s.id = c.school_id WHERE ${sql.join(classWhere, sql` AND `)} ORDER BY c.id`
	);
	const households =
		q.schoolId === null && q.classId === null
			? await db.all<{ id: number }>(
					sql`SELECT h.id FROM household h JOIN neighbourhood n ON n.id = h.neighbourhood_id
						WHERE ${placeMatches(q, sql`n.area_id`, sql`n.model_id`)} ORDER BY h.id`
				)
			: [];
	// A class's students, as the class report lists them (nicknames, never real names).
	const students =
		access.as === 'teacher'
			? await db.all<{ id: number }>(
					sql`SELECT DISTINCT scope_id AS id FROM rollup
						WHERE scope_kind = 'person' AND parent_id = ${access.classId} AND period_kind = 'all' ORDER BY scope_id`
				)
			: [];
	const phases: { kind: GroupKind; ids: number[] }[] = [
		{ kind: 'class', ids: classes.map((r) => Number(r.id)) },
		{ kind: 'household', ids: households.map((r) => Number(r.id)) },
		{ kind: 'person', ids: students.map((r) => Number(r.id)) }
	];
	return phases.filter((p) => p.ids.length > 0);
}

function namesOf(kind: GroupKind, ids: number[]) {
	const list = sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `
	);
	switch (kind) {
		case 'class':
			return sql`SELECT c.id, c.name, s.name AS parent FROM class c JOIN school s ON s.id = c.school_id WHERE c.id IN (${list})`;
		case 'household':
			return sql`SELECT h.id, h.display_name AS name, n.name AS parent FROM household h
				JOIN neighbourhood n ON n.id = h.neighbourhood_id WHERE h.id IN (${list})`;
		default:
			return sql`SELECT u.id, u.nickname AS name, NULL AS parent FROM user u WHERE u.id IN (${list})`;
	}
}

/**
 * Taking part week by week: for each class and household in scope (and, for a class's teacher,
 * each of its students by nickname), the week's active members, entries, points and kilograms,
 * read from the weekly rollups a page of groups at a time.
 */
export async function participationPlan(
	db: DbOrTx,
	q: ReportQuery & { weekFrom: string },
	access: ReportAccess
): Promise<ExportPlan<Cursor>> {
	const phases = await groupsInScope(db, q, access);
	return {
		filename: 'participation',
		header: [
			'week_start',
			'group_kind',
			'group',
			'school_or_neighbourhood',
			'active_members',
			'entries',
			'points',
			'kg_avoided',
			'kg_collected'
		],
		first: { phase: 0, offset: 0 },
		async page({ phase, offset }): Promise<CsvPage<Cursor>> {
			const current = phases[phase];
			if (!current) return { rows: [], next: null };
			const ids = current.ids.slice(offset, offset + GROUPS_PER_PAGE);
			const list = sql.join(
				ids.map((id) => sql`${id}`),
				sql`, `
			);
			const rows = await db.all<Record<string, number | string>>(sql`
				SELECT scope_id AS id, period_key AS week, active_members AS active, entries, points,
					grams_avoided AS ga, grams_collected AS gc
				FROM rollup WHERE scope_kind = ${current.kind} AND scope_id IN (${list})
					AND period_kind = 'week' AND period_key BETWEEN ${q.weekFrom} AND ${q.period.to}
				ORDER BY scope_id, period_key`);
			const names = new Map(
				(await db.all<{ id: number; name: string; parent: string | null }>(namesOf(current.kind, ids))).map(
					(r) => [Number(r.id), r]
				)
			);
			await breathe();
			const label = current.kind === 'person' ? 'student' : current.kind;
			const nextOffset = offset + GROUPS_PER_PAGE;
			const next =
				nextOffset < current.ids.length
					? { phase, offset: nextOffset }
					: phase + 1 < phases.length
						? { phase: phase + 1, offset: 0 }
						: null;
			return {
				rows: rows.map((r) => [
					r.week,
					label,
					names.get(Number(r.id))?.name ?? '',
					names.get(Number(r.id))?.parent ?? '',
					r.active,
					r.entries,
					r.points,
					kgForFile(Number(r.ga)),
					kgForFile(Number(r.gc))
				]),
				next
			};
		}
	};
}
