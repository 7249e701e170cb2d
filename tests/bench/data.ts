/**
 * Makes a synthetic national-scale dataset for the leaderboard benchmark:
 *   npm run bench:data -- --students 100000 --households 20000 --entries 2000000 --db file:tests/.tmp/bench/bench-2m.db
 * Areas (a province, districts, wards), 200 schools, classes of ~35, neighbourhoods of ~50
 * households, a ledger spread over the last school year (ending today, so "this week" is live),
 * then every rollup computed in bulk with GROUP BY (the app writes the same rows one entry at a
 * time; there are no voids here, so a count of distinct members or days is the active count), and
 * the member and day counters for the periods the benchmark's writes land in (counters.ts). A
 * sidecar `<db>.json` tells the benchmark which user, school and neighbourhood to use.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createDb, migrateDb } from '../../src/lib/server/db/client';
import { seedReferenceData } from '../../src/lib/server/db/seed/reference';
import { hashPassword } from '../../src/lib/server/auth/password';
import { DEFAULT_TIMEZONE, localDay } from '../../src/lib/utils/dates';
import { PER_MEMBER_RULES, isPerMemberKind } from '../../src/lib/rules/boards';
import { addWriteCounters } from './counters';
import { finishImpactRollups, loadPledges, modelOf } from './data-impact';
import { MIGRATIONS_DIR, parseArgs, Progress, sidecarPath, type BenchInfo } from './util';

export const BENCH_USER = 'bench-teacher';
export const BENCH_PASSWORD = 'bench-password-123';
const SCHOOLS = 200;
const CLASS_SIZE = 35;
const NEIGHBOURHOOD_SIZE = 50;
const DISTRICTS = 10;
const WARDS_PER_DISTRICT = 5;
const DAYS = 270; // about a school year
const CHUNK = 100_000;

export async function makeDataset(opts: {
	students: number;
	households: number;
	entries: number;
	db: string;
	quiet?: boolean;
}): Promise<BenchInfo> {
	const { students: S, households: H, entries: E } = opts;
	if (!opts.db.startsWith('file:')) throw new Error('--db must be a file: URL');
	const path = opts.db.slice('file:'.length);
	for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) rmSync(path + suffix);
	const started = Date.now();

	const C = Math.ceil(S / CLASS_SIZE);
	const NB = Math.max(1, Math.ceil(H / NEIGHBOURHOOD_SIZE));
	const entryChunks = Math.ceil(E / CHUNK);
	const steps = 11 + entryChunks + 4 * 5 + 3;
	const bar = new Progress(steps, opts.quiet);

	const handle = await createDb({ url: opts.db });
	const { client, db } = handle;
	const run = (sql: string, args: (string | number | null)[] = []) => client.execute({ sql, args });
	const one = async (sql: string, args: (string | number | null)[] = []) =>
		Number((await run(sql, args)).rows[0]?.[0] ?? 0);

	bar.step('migrations');
	await migrateDb(db, MIGRATIONS_DIR);
	await seedReferenceData(db);
	await run('PRAGMA synchronous = OFF');
	await run('PRAGMA cache_size = -200000');
	await run('PRAGMA temp_store = MEMORY');

	const seq = (n: number) =>
		`WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${n - 1})`;
	const today = localDay(new Date(), DEFAULT_TIMEZONE);

	bar.step('areas, schools, classes');
	const province = Number(
		(
			await run(
				`INSERT INTO area (name_vi, name_en, kind) VALUES ('Tỉnh Thử Nghiệm', 'Test Province', 'province') RETURNING id`
			)
		).rows[0].id
	);
	const districtBase = await one('SELECT coalesce(max(id), 0) FROM area');
	await run(
		`${seq(DISTRICTS)} INSERT INTO area (parent_id, name_vi, name_en, kind) SELECT ?, 'Quận ' || (n + 1), 'District ' || (n + 1), 'district' FROM seq`,
		[province]
	);
	const wardBase = await one('SELECT coalesce(max(id), 0) FROM area');
	const W = DISTRICTS * WARDS_PER_DISTRICT;
	await run(
		`${seq(W)} INSERT INTO area (parent_id, name_vi, name_en, kind) SELECT ? + 1 + n / ${WARDS_PER_DISTRICT}, 'Phường ' || (n + 1), 'Ward ' || (n + 1), 'ward' FROM seq`,
		[districtBase]
	);
	const schoolBase = await one('SELECT coalesce(max(id), 0) FROM school');
	await run(
		`${seq(SCHOOLS)} INSERT INTO school (name, area_id, model_id) SELECT 'Trường ' || (n + 1), ? + 1 + n % ${W}, ${modelOf('n')} FROM seq`,
		[wardBase]
	);
	const classBase = await one('SELECT coalesce(max(id), 0) FROM class');
	await run(
		`${seq(C)} INSERT INTO class (school_id, name, grade, school_year) SELECT ? + 1 + n % ${SCHOOLS}, (6 + n % 4) || 'A' || (n + 1), 6 + n % 4, '2025-2026' FROM seq`,
		[schoolBase]
	);

	bar.step('neighbourhoods, households');
	const nbBase = await one('SELECT coalesce(max(id), 0) FROM neighbourhood');
	await run(
		`${seq(NB)} INSERT INTO neighbourhood (name, area_id, kind, model_id) SELECT 'Tổ dân phố ' || (n + 1), ? + 1 + n % ${W}, 'residential', ${modelOf('n')} FROM seq`,
		[wardBase]
	);
	const hhBase = await one('SELECT coalesce(max(id), 0) FROM household');
	await run(
		`${seq(H)} INSERT INTO household (neighbourhood_id, display_name, kind) SELECT ? + 1 + n % ${NB}, 'Nhà ' || (n + 1), 'family' FROM seq`,
		[nbBase]
	);

	bar.step('students');
	const sBase = await one('SELECT coalesce(max(id), 0) FROM user');
	await run(
		`${seq(S)} INSERT INTO user (username, display_name, nickname, password_hash) SELECT 'bench-s' || n, 'Học Sinh Thật ' || n, 'Bạn ' || n, '!' FROM seq`
	);
	await run(`${seq(S)} INSERT INTO user_role (user_id, role) SELECT ? + 1 + n, 'student' FROM seq`, [sBase]);
	await run(
		`${seq(S)} INSERT INTO class_student (class_id, user_id) SELECT ? + 1 + n % ${C}, ? + 1 + n FROM seq`,
		[classBase, sBase]
	);
	await run(
		`${seq(S)} INSERT INTO household_member (household_id, user_id, kind) SELECT ? + 1 + n % ${H}, ? + 1 + n, 'student' FROM seq`,
		[hhBase, sBase]
	);

	bar.step('adults');
	const aBase = await one('SELECT coalesce(max(id), 0) FROM user');
	await run(
		`${seq(H)} INSERT INTO user (username, display_name, nickname, password_hash) SELECT 'bench-a' || n, 'Phụ Huynh Thật ' || n, 'Nhà ' || (n + 1), '!' FROM seq`
	);
	await run(`${seq(H)} INSERT INTO user_role (user_id, role) SELECT ? + 1 + n, 'household' FROM seq`, [
		aBase
	]);
	await run(
		`${seq(H)} INSERT INTO household_member (household_id, user_id, kind) SELECT ? + 1 + n, ? + 1 + n, 'adult' FROM seq`,
		[hhBase, aBase]
	);

	bar.step('the benchmark user');
	const hash = await hashPassword(BENCH_PASSWORD);
	const benchUser = Number(
		(
			await run(
				`INSERT INTO user (username, display_name, nickname, password_hash) VALUES (?, 'Cô Giáo Thử', 'Cô Thử', ?) RETURNING id`,
				[BENCH_USER, hash]
			)
		).rows[0].id
	);
	await run(`INSERT INTO user_role (user_id, role) VALUES (?, 'teacher'), (?, 'household')`, [
		benchUser,
		benchUser
	]);
	const benchClass = classBase + 1;
	const benchSchool = schoolBase + 1;
	await run('INSERT INTO school_teacher (school_id, user_id) VALUES (?, ?)', [benchSchool, benchUser]);
	await run('INSERT INTO class_teacher (class_id, user_id) VALUES (?, ?)', [benchClass, benchUser]);
	const benchHousehold = hhBase + 1;
	await run(`INSERT INTO household_member (household_id, user_id, kind) VALUES (?, ?, 'adult')`, [
		benchHousehold,
		benchUser
	]);
	const benchNeighbourhood = nbBase + 1;

	bar.step('pledges and check-ins');
	const C_IN = await loadPledges(run, one, { S, E, C, H, DAYS, sBase, classBase, hhBase, today });
	// 85% of entries are a student's (person + class + household), 15% an adult's (person + household).
	const actions = E - C_IN;
	for (let c = 0; c < entryChunks; c++) {
		bar.step(`ledger ${Math.min((c + 1) * CHUNK, E).toLocaleString('en')} / ${E.toLocaleString('en')}`);
		const n = Math.min(CHUNK, actions - c * CHUNK);
		if (n <= 0) continue;
		await run(
			`${seq(n)}, r AS MATERIALIZED (SELECT abs(random() % 2147483647) AS a, abs(random() % 2147483647) AS b, abs(random() % 2147483647) AS d FROM seq)
			INSERT INTO ledger_entry (created_at, local_day, points, grams_avoided, source_kind, actor_id, person_id, class_id, household_id)
			SELECT (unixepoch(day) - 25200 + 36000) * 1000, day, pts, pts * 3, 'action', person, person, cls, hh FROM (
				SELECT date(?, '-' || (d % ${DAYS}) || ' days') AS day, 1 + a % 10 AS pts,
					CASE WHEN a % 100 < 85 THEN ? + 1 + b % ${S} ELSE ? + 1 + b % ${H} END AS person,
					CASE WHEN a % 100 < 85 THEN ? + 1 + (b % ${S}) % ${C} END AS cls,
					CASE WHEN a % 100 < 85 THEN ? + 1 + (b % ${S}) % ${H} ELSE ? + 1 + b % ${H} END AS hh
				FROM r)`,
			[today, sBase, aBase, classBase, hhBase, hhBase]
		);
	}

	bar.step('preparing rollups');
	await run('DROP TABLE IF EXISTS temp.ex');
	await run(`CREATE TEMP TABLE ex AS
		SELECT e.person_id AS person, e.class_id AS cls, e.household_id AS hh, e.local_day AS day,
			date(e.local_day, '-' || ((CAST(strftime('%w', e.local_day) AS INTEGER) + 6) % 7) || ' days') AS week,
			substr(e.local_day, 1, 7) AS month, e.points AS points, e.grams_avoided AS ga, e.grams_collected AS gc,
			c.school_id AS school, s.area_id AS school_area, h.neighbourhood_id AS nb, n.area_id AS nb_area
		FROM ledger_entry e
		LEFT JOIN class c ON c.id = e.class_id LEFT JOIN school s ON s.id = c.school_id
		LEFT JOIN household h ON h.id = e.household_id LEFT JOIN neighbourhood n ON n.id = h.neighbourhood_id`);

	const scopes = [
		{ kind: 'person', id: 'person', parent: 'coalesce(cls, 0)' },
		{ kind: 'class', id: 'cls', parent: 'school' },
		{ kind: 'school', id: 'school', parent: 'school_area' },
		{ kind: 'household', id: 'hh', parent: 'nb' },
		{ kind: 'neighbourhood', id: 'nb', parent: 'nb_area' }
	];
	const periods = [
		{ kind: 'week', key: 'week', members: true },
		{ kind: 'month', key: 'month', members: true },
		{ kind: 'all', key: "'all'", members: true },
		{ kind: 'day', key: 'day', members: false }
	];
	// The per-member rule of each kind (src/lib/rules/boards.ts), as SQL over the grouped rows.
	const ranked = (kind: string, members: string, days: string) => {
		if (!isPerMemberKind(kind)) return 'NULL';
		const rule = PER_MEMBER_RULES[kind];
		const byDays = rule.orMinDays === null ? '' : ` OR ${days} >= ${rule.orMinDays}`;
		return `CASE WHEN ${members} >= ${rule.minMembers}${byDays} THEN CAST(sum(points) AS REAL) / ${members} END`;
	};
	for (const s of scopes) {
		for (const p of periods) {
			bar.step(`rollups: ${s.kind} × ${p.kind}`);
			const active = p.members ? 'count(DISTINCT person)' : '0';
			const countsDays = p.members && isPerMemberKind(s.kind) && PER_MEMBER_RULES[s.kind].orMinDays !== null;
			const days = countsDays ? 'count(DISTINCT day)' : '0';
			await run(`INSERT INTO rollup (scope_kind, scope_id, period_kind, period_key, parent_id, points, grams_avoided, grams_collected, entries, active_members, active_days, per_member)
				SELECT '${s.kind}', ${s.id}, '${p.kind}', ${p.key}, max(${s.parent}), sum(points), sum(ga), sum(gc), count(*), ${active}, ${days},
					${p.members ? ranked(s.kind, active, days) : 'NULL'}
				FROM ex WHERE ${s.id} IS NOT NULL GROUP BY ${s.id}, ${p.key}`);
		}
	}

	// Every area containing a group: walk the (small) area tree in memory.
	const areas = (await run('SELECT id, parent_id FROM area')).rows.map((r) => ({
		id: Number(r.id),
		parent: r.parent_id === null ? null : Number(r.parent_id)
	}));
	const parentOf = new Map(areas.map((a) => [a.id, a.parent]));
	await run('DROP TABLE IF EXISTS temp.chain');
	await run('CREATE TEMP TABLE chain (base INTEGER, anc INTEGER)');
	const pairs: [number, number][] = [];
	for (const a of areas)
		for (let x: number | null | undefined = a.id; x; x = parentOf.get(x)) pairs.push([a.id, x]);
	for (let i = 0; i < pairs.length; i += 400) {
		const part = pairs.slice(i, i + 400);
		await run(`INSERT INTO chain (base, anc) VALUES ${part.map(() => '(?, ?)').join(', ')}`, part.flat());
	}
	const areaBoards = [
		{
			kind: 'class',
			join: 'JOIN class g ON g.id = r.scope_id JOIN school s ON s.id = g.school_id JOIN chain ON chain.base = s.area_id'
		},
		{ kind: 'school', join: 'JOIN school s ON s.id = r.scope_id JOIN chain ON chain.base = s.area_id' },
		{
			kind: 'neighbourhood',
			join: 'JOIN neighbourhood g ON g.id = r.scope_id JOIN chain ON chain.base = g.area_id'
		}
	];
	for (const b of areaBoards) {
		bar.step(`area boards: ${b.kind}`);
		await run(`INSERT INTO rollup_area (board_kind, area_id, scope_id, period_kind, period_key, points, entries, active_members, active_days, per_member)
			SELECT '${b.kind}', chain.anc, r.scope_id, r.period_kind, r.period_key, r.points, r.entries, r.active_members, r.active_days, r.per_member
			FROM rollup r ${b.join} WHERE r.scope_kind = '${b.kind}' AND r.period_kind <> 'day'`);
	}

	bar.step('counters for new writes');
	await addWriteCounters(client, today);

	bar.step('impact rollups');
	const impact = await finishImpactRollups(db, one);

	bar.step('checkpoint');
	await run('PRAGMA wal_checkpoint(TRUNCATE)');
	const counts = {
		entries: await one('SELECT count(*) FROM ledger_entry'),
		rollups: await one('SELECT count(*) FROM rollup'),
		areaRollups: await one('SELECT count(*) FROM rollup_area'),
		...impact.counts
	};
	handle.close();
	bar.done();

	const info: BenchInfo = {
		db: opts.db,
		students: S,
		households: H,
		entries: E,
		username: BENCH_USER,
		password: BENCH_PASSWORD,
		userId: benchUser,
		schoolId: benchSchool,
		classId: benchClass,
		householdId: benchHousehold,
		neighbourhoodId: benchNeighbourhood,
		provinceId: province,
		modelId: impact.modelId,
		counts,
		seconds: Math.round((Date.now() - started) / 1000)
	};
	writeFileSync(sidecarPath(opts.db), JSON.stringify(info, null, 2));
	return info;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = parseArgs(process.argv.slice(2));
	const info = await makeDataset({
		students: Number(args.students ?? 100_000),
		households: Number(args.households ?? 20_000),
		entries: Number(args.entries ?? 2_000_000),
		db: String(args.db ?? 'file:tests/.tmp/bench/bench-2m.db')
	});
	console.info(
		`dataset ready in ${info.seconds} s: ${info.counts.entries.toLocaleString('en')} entries, ${info.counts.rollups.toLocaleString('en')} rollup rows, ${info.counts.areaRollups.toLocaleString('en')} area rows → ${info.db}`
	);
}
