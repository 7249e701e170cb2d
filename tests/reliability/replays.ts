import type { Client as Sql } from '@libsql/client';
import { Client, newKey } from './client';
import { openDb } from './checks';
import type { World } from './load';
import { startServer, stopServer } from './server';

const COPIES = 200;

interface Replay {
	name: string;
	client: Client;
	path: string;
	fields: Record<string, string>;
	/** Rows this form made (compared before and after). */
	rows: (db: Sql) => Promise<number>;
}

const one = async (db: Sql, sql: string, args: (string | number)[] = []) =>
	Number((await db.execute({ sql, args })).rows[0][0]);

/**
 * Sends each create or reset form COPIES times at once (the same session, fields and key: a
 * double tap, a retry storm) and checks that exactly one row came of it and that no copy got a 5xx.
 */
export async function replayEveryForm(entry: string, port: number, dbPath: string, world: World) {
	const origin = `http://localhost:${port}`;
	const server = await startServer(entry, port, dbPath);
	const db = openDb(dbPath);
	const lines: string[] = [];
	const failures: string[] = [];
	try {
		const signedIn = async (username: string, password?: string) => {
			const c = new Client(origin);
			await c.signIn(username, password);
			return c;
		};
		const tag = Date.now().toString(36);
		const quiet = world.students.slice(12);
		const student = await signedIn(quiet[0].username);
		const teacher = await signedIn('demo-teacher');
		const organiser = await signedIn('demo-organiser');
		const steward = await signedIn('demo-steward');
		const family = await signedIn('demo-family');
		const ids = async (sql: string) => (await db.execute(sql)).rows[0];
		const cls = await ids(`SELECT c.id, c.school_id, c.school_year, c.join_code FROM class c
			JOIN class_student s ON s.class_id = c.id WHERE s.user_id = ${quiet[1].id}`);
		const familyHome = await ids(`SELECT m.household_id, h.neighbourhood_id FROM household_member m
			JOIN household h ON h.id = m.household_id JOIN user u ON u.id = m.user_id WHERE u.username = 'demo-family'`);
		const resetStudent = quiet[1].id;
		// An action this student may still log today (under its daily cap).
		const openAction = await ids(`SELECT a.id FROM action a
			WHERE a.retired_at IS NULL AND a.audience != 'household' AND a.daily_cap > (
				SELECT coalesce(sum(l.count), 0) FROM action_log l
				WHERE l.person_id = ${quiet[0].id} AND l.action_id = a.id AND l.local_day = '${world.today}')
			ORDER BY a.id LIMIT 1`);

		// A new adult for "create a household" (the demo adults all have one).
		const adult = new Client(origin);
		await adult.get('/signup');
		const email = `replay.${tag}@example.vn`;
		await adult.post('/signup', {
			displayName: 'Phan Văn Tâm',
			nickname: 'Chú Tâm',
			email,
			password: 'mat-khau-tam-123',
			role: 'household'
		});
		await adult.signIn(email, 'mat-khau-tam-123');
		const device = new Client(origin);
		await device.get('/join');

		const { steward: st } = world;
		const replays: Replay[] = [
			{
				name: 'log an action',
				client: student,
				path: '/today?/log',
				fields: {
					actionId: String(openAction.id),
					day: world.today,
					mode: 'person',
					count: '1',
					idempotencyKey: newKey()
				},
				rows: (d) =>
					one(d, `SELECT count(*) FROM ledger_entry WHERE actor_id = ? AND source_kind = 'action'`, [
						quiet[0].id
					])
			},
			{
				name: 'make a pledge',
				client: student,
				path: '/pledges?/create',
				fields: { owner: 'me', item: 'cutlery', usesPerDay: '1', duration: '7', idempotencyKey: newKey() },
				rows: (d) => one(d, `SELECT count(*) FROM pledge WHERE user_id = ?`, [quiet[0].id])
			},
			{
				name: 'record a drop-off (steward)',
				client: steward,
				path: '/steward?/record',
				fields: {
					pointId: String(st.pointId),
					playgroundId: String(st.playgroundId),
					contributor: world.householdCards[0],
					material: 'pet_bottles',
					weightKg: '2.5',
					idempotencyKey: newKey()
				},
				rows: (d) => one(d, `SELECT count(*) FROM contribution WHERE created_by = ?`, [st.id])
			},
			{
				name: 'announce a drop-off',
				client: family,
				path: `/households/${familyHome.household_id}/contribute?/announce`,
				fields: {
					target: `${st.playgroundId}:${st.pointId}`,
					material: 'bottle_caps',
					weightKg: '0.8',
					idempotencyKey: newKey()
				},
				rows: (d) =>
					one(d, `SELECT count(*) FROM contribution WHERE household_id = ?`, [
						Number(familyHome.household_id)
					])
			},
			{
				name: 'add a collection point',
				client: organiser,
				path: `/organiser/playgrounds/${st.playgroundId}?/point`,
				fields: {
					name: `Điểm ${tag}`,
					kind: 'pagoda',
					openingHours: 'Chủ nhật',
					address: '',
					idempotencyKey: newKey()
				},
				rows: (d) => one(d, `SELECT count(*) FROM collection_point`)
			},
			{
				name: 'add a playground component',
				client: organiser,
				path: `/organiser/playgrounds/${st.playgroundId}?/component`,
				fields: { name: `Ghế ${tag}`, targetKg: '20', materials: 'pet_bottles', idempotencyKey: newKey() },
				rows: (d) => one(d, `SELECT count(*) FROM playground_component`)
			},
			{
				name: "reset a student's password",
				client: teacher,
				path: `/classes/${cls.id}/students?/reset`,
				fields: { studentId: String(resetStudent), idempotencyKey: newKey() },
				rows: (d) => one(d, `SELECT count(*) FROM password_reset_log WHERE student_id = ?`, [resetStudent])
			},
			{
				name: 'reissue a parent letter',
				client: teacher,
				path: `/classes/${cls.id}/guardians?/reissue`,
				fields: { studentId: String(resetStudent), idempotencyKey: newKey() },
				rows: (d) => one(d, `SELECT count(*) FROM parent_code WHERE student_id = ?`, [resetStudent])
			},
			{
				name: 'rotate a class code',
				client: teacher,
				path: `/classes/${cls.id}/students?/rotate`,
				fields: { idempotencyKey: newKey() },
				rows: async (d) =>
					String(
						(
							await d.execute({
								sql: 'SELECT join_code FROM class WHERE id = ?',
								args: [Number(cls.id)]
							})
						).rows[0][0]
					) === String(cls.join_code)
						? 0
						: 1
			},
			{
				name: 'create a class',
				client: teacher,
				path: '/classes?/create',
				fields: {
					schoolId: String(cls.school_id),
					name: `9R${tag.slice(-3).toUpperCase()}`,
					grade: '9',
					schoolYear: String(cls.school_year),
					idempotencyKey: newKey()
				},
				rows: (d) => one(d, `SELECT count(*) FROM class`)
			},
			{
				name: 'record guardian consent',
				client: teacher,
				path: `/classes/${cls.id}/settings?/consent`,
				fields: { collectedOn: world.today, note: `Họp ${tag}`, idempotencyKey: newKey() },
				rows: (d) => one(d, `SELECT count(*) FROM consent_record`)
			},
			{
				name: 'invite a teacher',
				client: organiser,
				path: '/organiser/schools?/invite',
				fields: { schoolId: String(cls.school_id), idempotencyKey: newKey() },
				rows: (d) => one(d, `SELECT count(*) FROM school_invite`)
			},
			{
				name: 'create a school',
				client: organiser,
				path: '/organiser/schools?/create',
				fields: {
					name: `Trường ${tag}`,
					areaId: String((await ids(`SELECT area_id FROM school LIMIT 1`)).area_id),
					modelId: '',
					idempotencyKey: newKey()
				},
				rows: (d) => one(d, `SELECT count(*) FROM school`)
			},
			{
				name: 'create a household',
				client: adult,
				path: '/households?/create',
				fields: {
					neighbourhoodId: String(familyHome.neighbourhood_id),
					displayName: `Nhà ${tag}`,
					kind: 'family',
					idempotencyKey: newKey()
				},
				rows: (d) => one(d, `SELECT count(*) FROM household`)
			},
			{
				name: 'join a class by code',
				client: device,
				path: '/join',
				fields: {
					code: '',
					displayName: 'Đinh Thị Lan',
					nickname: `Lan ${tag}`,
					password: 'hoc-sinh-lan-1',
					confirm: 'hoc-sinh-lan-1',
					idempotencyKey: newKey()
				},
				rows: (d) => one(d, `SELECT count(*) FROM class_student`)
			}
		];
		const summary: string[] = [];
		for (const r of replays) {
			// The class code may have been rotated just before: read it when the form is sent.
			if (r.path === '/join')
				r.fields.code = String(
					(
						await db.execute({
							sql: 'SELECT join_code FROM class WHERE id = ?',
							args: [Number(cls.id)]
						})
					).rows[0][0]
				);
			const before = await r.rows(db);
			const answers = await Promise.all(
				Array.from({ length: COPIES }, () =>
					r.client
						.post(r.path, r.fields)
						.catch((e: Error) => ({ status: 0, body: e.message, location: null }))
				)
			);
			const made = (await r.rows(db)) - before;
			const statuses = new Map<number, number>();
			for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
			const bad = answers.filter(
				(a) => a.status >= 500 || a.status === 0 || (a.status >= 400 && a.status < 500)
			);
			summary.push(`${r.name} ${made}`);
			if (made !== 1 || bad.length)
				failures.push(
					`replay "${r.name}": ${made} rows from ${COPIES} copies; answers ${JSON.stringify(Object.fromEntries(statuses))}` +
						(bad[0] ? `; e.g. ${bad[0].status} ${bad[0].body.replace(/\s+/g, ' ').slice(0, 200)}` : '')
				);
		}
		lines.push(
			`replays: ${replays.length} forms × ${COPIES} identical posts at once → rows made: ${summary.join(', ')}`
		);
	} finally {
		db.close();
		await stopServer(server);
	}
	return { lines, failures };
}
