import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import type { ReportQuery } from '$lib/schemas/impact';
import type { ExportKind } from '$lib/rules/exports';
import { weekStart } from '$lib/utils/dates';
import type { ReportAccess } from './scope';
import { participationPlan } from './participation-export';
import { breathe, ID_WINDOW, placeMatches, type ExportPlan } from './export-shared';
import { kgForFile } from '$lib/utils/units';

/**
 * The place filter of an entry or drop-off (table alias `t`): one of its places (the class's
 * school, the household's neighbourhood, or for plastic the collection point and its playground's
 * model) is in the area and model, as the dashboard counts them; then the school and class. Each
 * part is a subquery SQLite runs once per statement; the unary `+` keeps it from trading the page's
 * primary-key range for an index that would read the whole school or class on every page.
 */
function scopeWhere(q: ReportQuery, t: 'e' | 'x', collection: SQL | null): SQL {
	const col = (name: string) => sql.raw(`+${t}.${name}`);
	const parts: SQL[] = [];
	if (q.areaId !== null || q.modelId !== null) {
		const sides = [
			sql`${col('class_id')} IN (SELECT c2.id FROM class c2 JOIN school s2 ON s2.id = c2.school_id
				WHERE ${placeMatches(q, sql`s2.area_id`, sql`s2.model_id`)})`,
			sql`${col('household_id')} IN (SELECT h2.id FROM household h2 JOIN neighbourhood n2 ON n2.id = h2.neighbourhood_id
				WHERE ${placeMatches(q, sql`n2.area_id`, sql`n2.model_id`)})`
		];
		if (collection) sides.push(collection);
		parts.push(sql`(${sql.join(sides, sql` OR `)})`);
	}
	if (q.schoolId !== null)
		parts.push(sql`${col('class_id')} IN (SELECT id FROM class WHERE school_id = ${q.schoolId})`);
	if (q.classId !== null) parts.push(sql`${col('class_id')} = ${q.classId}`);
	return parts.length ? sql.join(parts, sql` AND `) : sql`1`;
}

const places = (table: string) =>
	sql.raw(`LEFT JOIN class c ON c.id = ${table}.class_id LEFT JOIN school s ON s.id = c.school_id
		LEFT JOIN household h ON h.id = ${table}.household_id LEFT JOIN neighbourhood n ON n.id = h.neighbourhood_id`);

async function maxId(db: DbOrTx, table: 'ledger_entry' | 'contribution'): Promise<number> {
	const [row] = await db.all<{ m: number | null }>(sql`SELECT max(id) AS m FROM ${sql.raw(table)}`);
	return Number(row?.m ?? 0);
}

/** Where the next page starts: an id window, or for one class a (day, id) key along its index. */
type LedgerCursor = { after: number } | { day: string; id: number };
const CLASS_PAGE = 1000;

/**
 * Every ledger entry in scope and period. Pages are id windows over the whole ledger, or, for one
 * class, pages of its own entries in (day, id) order along its index; a class's teacher also gets
 * the students' nicknames.
 */
async function ledgerPlan(
	db: DbOrTx,
	q: ReportQuery,
	access: ReportAccess
): Promise<ExportPlan<LedgerCursor>> {
	const withNames = access.as === 'teacher';
	const last = await maxId(db, 'ledger_entry');
	const collection = sql`EXISTS (SELECT 1 FROM contribution ct
		JOIN collection_point cp ON cp.id = ct.point_id JOIN playground pg ON pg.id = ct.playground_id
		WHERE ct.id = e.source_id AND ct.ledger_entry_id = coalesce(e.reverses, e.id)
			AND ${placeMatches(q, sql`cp.area_id`, sql`pg.model_id`)})`;
	const where = scopeWhere(q, 'e', collection);
	const nickname = withNames
		? sql`(SELECT u.nickname FROM user u WHERE u.id = e.person_id AND e.class_id IS NOT NULL)`
		: sql`NULL`;
	// Names come from small per-page lookups, not joins: fewer values per row is what makes a
	// million-row export fast (the driver pays for every value it hands over).
	const select = sql`SELECT e.id, e.created_at AS at, e.local_day AS day, e.source_kind AS kind, e.reverses,
		e.points, e.grams_avoided AS ga, e.grams_collected AS gc, e.class_id AS cid, e.household_id AS hid,
		${nickname} AS nickname
		FROM ledger_entry e`;
	const withPlaces = async (rows: Record<string, string | number | null>[]) => {
		const ids = (key: string) => [...new Set(rows.map((r) => r[key]).filter((v) => v !== null))] as number[];
		const list = (xs: number[]) =>
			sql.join(
				xs.map((x) => sql`${x}`),
				sql`, `
			);
		const classIds = ids('cid');
		const householdIds = ids('hid');
		const classes = new Map(
			(classIds.length
				? await db.all<{ id: number; name: string; school: string }>(
						sql`SELECT c.id, c.name, s.name AS school FROM class c JOIN school s ON s.id = c.school_id WHERE c.id IN (${list(classIds)})`
					)
				: []
			).map((c) => [Number(c.id), c])
		);
		const households = new Map(
			(householdIds.length
				? await db.all<{ id: number; name: string; nb: string }>(
						sql`SELECT h.id, h.display_name AS name, n.name AS nb FROM household h JOIN neighbourhood n ON n.id = h.neighbourhood_id WHERE h.id IN (${list(householdIds)})`
					)
				: []
			).map((h) => [Number(h.id), h])
		);
		return rows.map((r) => {
			const c = r.cid === null ? undefined : classes.get(Number(r.cid));
			const h = r.hid === null ? undefined : households.get(Number(r.hid));
			return [
				r.id,
				new Date(Number(r.at)).toISOString(),
				r.day,
				r.kind,
				r.reverses,
				r.points,
				kgForFile(Number(r.ga)),
				kgForFile(Number(r.gc)),
				c?.school ?? null,
				c?.name ?? null,
				h?.nb ?? null,
				h?.name ?? null,
				...(withNames ? [r.nickname] : [])
			];
		});
	};
	return {
		filename: 'ledger',
		header: [
			'entry_id',
			'created_at_utc',
			'local_day',
			'source',
			'voids_entry',
			'points',
			'kg_avoided',
			'kg_collected',
			'school',
			'class',
			'neighbourhood',
			'household',
			...(withNames ? ['student_nickname'] : [])
		],
		first: q.classId !== null ? { day: '', id: 0 } : { after: 0 },
		async page(cursor) {
			if ('day' in cursor) {
				const rows = await db.all<Record<string, string | number | null>>(sql`${select}
					WHERE e.class_id = ${q.classId} AND e.local_day BETWEEN ${q.period.from} AND ${q.period.to}
						AND (e.local_day, e.id) > (${cursor.day}, ${cursor.id}) AND ${where}
					ORDER BY e.local_day, e.id LIMIT ${CLASS_PAGE}`);
				const out = await withPlaces(rows);
				await breathe();
				const tail = rows.at(-1);
				return {
					rows: out,
					next: rows.length === CLASS_PAGE && tail ? { day: String(tail.day), id: Number(tail.id) } : null
				};
			}
			const rows = await db.all<Record<string, string | number | null>>(sql`${select}
				WHERE e.id > ${cursor.after} AND e.id <= ${cursor.after + ID_WINDOW}
					AND e.local_day BETWEEN ${q.period.from} AND ${q.period.to} AND ${where}
				ORDER BY e.id`);
			const out = await withPlaces(rows);
			await breathe();
			const after = cursor.after + ID_WINDOW;
			return { rows: out, next: after < last ? { after } : null };
		}
	};
}

/** Every drop-off in scope and period (any status), in id order. */
async function contributionsPlan(
	db: DbOrTx,
	q: ReportQuery,
	access: ReportAccess
): Promise<ExportPlan<number>> {
	const withNames = access.as === 'teacher';
	const last = await maxId(db, 'contribution');
	const where = scopeWhere(q, 'x', sql`(${placeMatches(q, sql`cp.area_id`, sql`pg.model_id`)})`);
	const nickname = withNames ? sql`(SELECT u.nickname FROM user u WHERE u.id = x.student_id)` : sql`NULL`;
	return {
		filename: 'contributions',
		header: [
			'contribution_id',
			'local_day',
			'status',
			'material',
			'kg',
			'kg_estimated_from_count',
			'items',
			'points',
			'playground',
			'collection_point',
			'school',
			'class',
			'household',
			...(withNames ? ['student_nickname'] : [])
		],
		first: 0,
		async page(after) {
			const rows = await db.all<Record<string, string | number | null>>(sql`
				SELECT x.id, x.local_day AS day, x.status, x.material, x.grams, x.grams_estimated AS est,
					x.item_count AS items, x.points, pg.name AS playground, cp.name AS point, s.name AS school,
					c.name AS class, h.display_name AS household, ${nickname} AS nickname
				FROM contribution x JOIN playground pg ON pg.id = x.playground_id
					JOIN collection_point cp ON cp.id = x.point_id ${places('x')}
				WHERE x.id > ${after} AND x.id <= ${after + ID_WINDOW}
					AND x.local_day BETWEEN ${q.period.from} AND ${q.period.to} AND ${where}
				ORDER BY x.id`);
			await breathe();
			return {
				rows: rows.map((r) => [
					r.id,
					r.day,
					r.status,
					r.material,
					kgForFile(Number(r.grams)),
					r.est ? 'yes' : 'no',
					r.items,
					r.points,
					r.playground,
					r.point,
					r.school,
					r.class,
					r.household,
					...(withNames ? [r.nickname] : [])
				]),
				next: after + ID_WINDOW < last ? after + ID_WINDOW : null
			};
		}
	};
}

/** The export of a kind for an authorised query (see `authoriseReport`). */
export async function planExport(
	db: DbOrTx,
	kind: ExportKind,
	q: ReportQuery,
	access: ReportAccess
): Promise<ExportPlan> {
	const plan =
		kind === 'ledger'
			? await ledgerPlan(db, q, access)
			: kind === 'contributions'
				? await contributionsPlan(db, q, access)
				: await participationPlan(db, { ...q, weekFrom: weekStart(q.period.from) }, access);
	return {
		...(plan as ExportPlan),
		filename: `songxanh-${plan.filename}-${q.period.from}_${q.period.to}.csv`
	};
}
