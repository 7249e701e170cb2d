import { randomBytes, createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { InValue, Transaction } from '@libsql/client';
import { createDb } from '../../src/lib/server/db/client';
import { addDays, localDay } from '../../src/lib/utils/dates';
import { addWriteCounters } from './counters';

/**
 * Who the mixed benchmark plays: the screens that read boards (a teacher of a class in each of
 * 100 schools on their school's class board, an adult of a household in each of 100 neighbourhoods
 * on its household board), the students who log actions and check in on their pledges, and a
 * steward recording drop-offs for the students of its neighbourhood. Made in the dataset before the server starts: accounts where the
 * dataset has none, a fresh session for each (the cookie is all a request needs), a running
 * pledge per writing student, and a collection point feeding a playground.
 */
export interface Fixtures {
	/** One board per screen, with the cookie of someone allowed to see it. */
	boards: { path: string; cookie: string }[];
	writers: { userId: number; cookie: string; pledgeId: number }[];
	/** Pledges already checked in today (a second check-in would be refused). */
	checkedIn: Set<number>;
	actionIds: number[];
	/** A steward at a collection point, and the students it may credit (its neighbourhood's). */
	steward: { cookie: string; pointId: number; playgroundId: number; contributors: number[] };
	today: string;
}

const WINDOWS = ['week', 'month', 'all'] as const;

function token(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

/** A new session for `userId`: the row the app would write at sign-in, and its cookie. */
async function session(client: Transaction, userId: number, now: number): Promise<string> {
	const id = token();
	const secret = token();
	const hash = createHash('sha256').update(secret).digest();
	await client.execute({
		sql: 'INSERT INTO session (id, secret_hash, user_id, created_at, last_verified_at) VALUES (?, ?, ?, ?, ?)',
		args: [id, hash, userId, now, now]
	});
	return `sx_session=${id}.${secret}`;
}

async function userId(
	client: Transaction,
	username: string,
	role: string,
	nickname: string
): Promise<number> {
	await client.execute({
		sql: `INSERT OR IGNORE INTO user (username, display_name, nickname, password_hash) VALUES (?, ?, ?, '!')`,
		args: [username, nickname, nickname]
	});
	const id = Number(
		(await client.execute({ sql: 'SELECT id FROM user WHERE username = ?', args: [username] })).rows[0].id
	);
	await client.execute({
		sql: 'INSERT OR IGNORE INTO user_role (user_id, role) VALUES (?, ?)',
		args: [id, role]
	});
	return id;
}

export async function makeFixtures(
	dbUrl: string,
	opts: { schools?: number; neighbourhoods?: number; writers?: number } = {}
): Promise<Fixtures> {
	const handle = await createDb({ url: dbUrl });
	const empty = await handle.client.execute('SELECT NOT EXISTS (SELECT 1 FROM rollup_member) AS empty');
	// A dataset made before the counters were: add them once.
	if (Number(empty.rows[0].empty))
		await addWriteCounters(handle.client, localDay(new Date(), 'Asia/Ho_Chi_Minh'));
	const client = await handle.client.transaction('write');
	const rows = async (sql: string, args: InValue[] = []) => (await client.execute({ sql, args })).rows;
	const now = Date.now();
	const today = localDay(new Date(now), 'Asia/Ho_Chi_Minh');
	try {
		const boards: Fixtures['boards'] = [];
		// A teacher for the first class of every other school, on that school's class board.
		const schools = await rows(
			`SELECT s.id AS school, (SELECT min(c.id) FROM class c WHERE c.school_id = s.id) AS cls
			FROM school s WHERE EXISTS (SELECT 1 FROM class c WHERE c.school_id = s.id) ORDER BY s.id`
		);
		const everyOther = schools.filter((_, i) => i % 2 === 0).slice(0, opts.schools ?? 100);
		for (const [i, s] of everyOther.entries()) {
			const id = await userId(client, `bench-view-t${i}`, 'teacher', `Thầy ${i}`);
			await client.execute({
				sql: 'INSERT OR IGNORE INTO class_teacher (class_id, user_id) VALUES (?, ?)',
				args: [s.cls, id]
			});
			boards.push({
				path: `/boards/class-in-school/${s.school}?window=${WINDOWS[i % 3]}`,
				cookie: await session(client, id, now)
			});
		}
		// An adult of the first household of every fourth neighbourhood, on its household board.
		const nbs = await rows(
			`SELECT n.id AS nb, (SELECT hm.user_id FROM household h JOIN household_member hm ON hm.household_id = h.id
				WHERE h.neighbourhood_id = n.id AND hm.kind = 'adult' AND hm.status = 'active' ORDER BY h.id LIMIT 1) AS adult
			FROM neighbourhood n ORDER BY n.id`
		);
		const someNbs = nbs
			.filter((n, i) => i % 4 === 0 && n.adult !== null)
			.slice(0, opts.neighbourhoods ?? 100);
		for (const [i, n] of someNbs.entries()) {
			boards.push({
				path: `/boards/household-in-neighbourhood/${n.nb}?window=${WINDOWS[(i + 1) % 3]}`,
				cookie: await session(client, Number(n.adult), now)
			});
		}

		// Students spread over the whole dataset, each with a running pledge.
		const total = Number((await rows('SELECT count(*) AS n FROM class_student'))[0].n);
		const want = Math.min(opts.writers ?? 6000, total);
		const students = await rows(
			`SELECT user_id AS id FROM (SELECT user_id, row_number() OVER (ORDER BY user_id) AS n FROM class_student)
			WHERE n % ? = 0 LIMIT ?`,
			[Math.max(1, Math.floor(total / want)), want]
		);
		const writers: Fixtures['writers'] = [];
		for (const s of students) {
			const uid = Number(s.id);
			await client.execute({
				sql: `INSERT OR IGNORE INTO pledge (user_id, item, grams_per_item, uses_per_day, start_day, end_day, idempotency_key, created_at)
					VALUES (?, 'bottle', 10, 1, ?, ?, ?, ?)`,
				args: [uid, addDays(today, -10), addDays(today, 60), `bench-${today}`, now]
			});
			const [p] = await rows('SELECT id FROM pledge WHERE user_id = ? AND idempotency_key = ?', [
				uid,
				`bench-${today}`
			]);
			writers.push({ userId: uid, cookie: await session(client, uid, now), pledgeId: Number(p.id) });
		}
		const checkedIn = new Set(
			(await rows('SELECT pledge_id AS id FROM pledge_checkin WHERE local_day = ?', [today])).map((r) =>
				Number(r.id)
			)
		);
		const actionIds = (
			await rows(`SELECT id FROM action WHERE retired_at IS NULL AND audience <> 'household' ORDER BY id`)
		).map((r) => Number(r.id));

		// A steward at a collection point in the first neighbourhood, feeding a collecting playground.
		const stewardId = await userId(client, 'bench-steward', 'steward', 'Người thu gom');
		const [nb] = await rows('SELECT id, area_id FROM neighbourhood ORDER BY id LIMIT 1');
		let [point] = await rows(`SELECT id FROM collection_point WHERE name = 'Bench point'`);
		let [pg] = await rows(`SELECT id FROM playground WHERE name = 'Bench playground'`);
		if (!point || !pg) {
			const [model] = await rows('SELECT id FROM community_model ORDER BY id LIMIT 1');
			[pg] = await rows(
				`INSERT INTO playground (model_id, area_id, name, state) VALUES (?, ?, 'Bench playground', 'collecting') RETURNING id`,
				[model.id, nb.area_id]
			);
			[point] = await rows(
				`INSERT INTO collection_point (name, kind, area_id, neighbourhood_id) VALUES ('Bench point', 'community_house', ?, ?) RETURNING id`,
				[nb.area_id, nb.id]
			);
			await client.execute({
				sql: 'INSERT INTO collection_point_playground (point_id, playground_id) VALUES (?, ?)',
				args: [point.id, pg.id]
			});
		}
		await client.execute({
			sql: 'INSERT OR IGNORE INTO collection_point_steward (point_id, user_id) VALUES (?, ?)',
			args: [point.id, stewardId]
		});
		// The point serves its neighbourhood; its steward credits the students of that neighbourhood's
		// households (a steward cannot credit anyone else).
		await client.execute({
			sql: 'INSERT OR IGNORE INTO collection_point_neighbourhood (point_id, neighbourhood_id) VALUES (?, ?)',
			args: [point.id, nb.id]
		});
		const contributors = (
			await rows(
				`SELECT DISTINCT hm.user_id AS id FROM household_member hm JOIN household h ON h.id = hm.household_id
				JOIN class_student cs ON cs.user_id = hm.user_id
				WHERE h.neighbourhood_id = ? AND hm.status = 'active' ORDER BY hm.user_id`,
				[nb.id]
			)
		).map((r) => Number(r.id));
		if (contributors.length === 0) throw new Error('no student in the bench point’s neighbourhood');
		const steward = {
			cookie: await session(client, stewardId, now),
			pointId: Number(point.id),
			playgroundId: Number(pg.id),
			contributors
		};
		await client.commit();
		return { boards, writers, checkedIn, actionIds, steward, today };
	} finally {
		client.close();
		handle.close();
	}
}
