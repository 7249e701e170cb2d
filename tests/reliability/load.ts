import type { Client as Sql } from '@libsql/client';
import { Client, newKey } from './client';
import type { Write, WriteKind } from './checks';

/** What the demo gives the load to work with, read from the database once. */
export interface World {
	students: { username: string; id: number }[];
	studentActions: number[];
	steward: { username: string; id: number; pointId: number; playgroundId: number };
	householdCards: string[];
	today: string;
	yesterday: string;
}

export async function readWorld(db: Sql): Promise<World> {
	const students = (
		await db.execute(
			`SELECT u.id, u.username FROM user u JOIN class_student cs ON cs.user_id = u.id WHERE u.is_demo = 1 ORDER BY u.id`
		)
	).rows.map((r) => ({ id: Number(r.id), username: String(r.username) }));
	const studentActions = (
		await db.execute(`SELECT id FROM action WHERE retired_at IS NULL AND audience != 'household' ORDER BY id`)
	).rows.map((r) => Number(r.id));
	const [s] = (
		await db.execute(
			`SELECT u.id, u.username, ps.point_id, pp.playground_id
			   FROM user u JOIN collection_point_steward ps ON ps.user_id = u.id
			   JOIN collection_point_playground pp ON pp.point_id = ps.point_id
			   JOIN playground p ON p.id = pp.playground_id AND p.state = 'collecting'
			  WHERE u.username = 'demo-steward' LIMIT 1`
		)
	).rows;
	// What a steward scans: a household's drop-off card (a join code only asks to join).
	const householdCards = (
		await db.execute(`SELECT code FROM drop_off_card WHERE household_id IS NOT NULL`)
	).rows.map((r) => String(r.code));
	const day = (offset: number) =>
		new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
	return {
		students,
		studentActions,
		steward: {
			id: Number(s.id),
			username: String(s.username),
			pointId: Number(s.point_id),
			playgroundId: Number(s.playground_id)
		},
		householdCards,
		today: day(0),
		yesterday: day(-1)
	};
}

/** One write a client sends, kept so it can be sent again (same key) when the answer was lost. */
interface Pending {
	kind: WriteKind;
	path: string;
	fields: Record<string, string>;
}

/**
 * A person using the app through a crash: sends writes one after another; an answer (303) is an
 * acknowledgement, a 4xx a refusal; a lost answer (the server died) is retried with the same key
 * after the restart, as a phone would, before anything new is sent.
 */
export class Person {
	readonly client: Client;
	private unsure: Pending[] = [];
	private throttled = false;
	private pledges: number[] = [];
	constructor(
		origin: string,
		readonly username: string,
		readonly userId: number,
		readonly role: 'student' | 'steward',
		private world: World,
		private rand: () => number
	) {
		this.client = new Client(origin);
	}

	private next(): Pending {
		const pick = <T>(xs: T[]) => xs[Math.floor(this.rand() * xs.length)];
		const idempotencyKey = newKey();
		if (this.role === 'steward')
			return {
				kind: 'contribution',
				path: '/steward?/record',
				fields: {
					pointId: String(this.world.steward.pointId),
					playgroundId: String(this.world.steward.playgroundId),
					contributor: pick(this.world.householdCards),
					material: pick(['pet_bottles', 'bottle_caps', 'soft_plastic']),
					weightKg: (0.1 + this.rand() * 4).toFixed(2),
					idempotencyKey
				}
			};
		if (!this.throttled && this.rand() < 0.7)
			return {
				kind: 'log',
				path: '/today?/log',
				fields: {
					actionId: String(pick(this.world.studentActions)),
					day: this.rand() < 0.5 ? this.world.today : this.world.yesterday,
					mode: 'person',
					count: '1',
					idempotencyKey
				}
			};
		if (this.pledges.length && this.rand() < 0.6)
			return {
				kind: 'checkin',
				path: '/pledges?/checkin',
				fields: {
					pledgeId: String(pick(this.pledges)),
					day: pick(['today', 'yesterday']),
					count: '1',
					idempotencyKey
				}
			};
		return {
			kind: 'pledge',
			path: '/pledges?/create',
			fields: {
				owner: 'me',
				item: pick(['bottle', 'bag', 'lunchbox', 'cup']),
				usesPerDay: '1',
				duration: '7',
				idempotencyKey
			}
		};
	}

	/** Sends writes until `stop()` is true or the server goes away; records every outcome. */
	async run(stop: () => boolean, acked: Write[], refused: Write[], counts: { sent: number }) {
		while (!stop()) {
			const w = this.unsure.shift() ?? this.next();
			const write: Write = { kind: w.kind, actorId: this.userId, key: w.fields.idempotencyKey };
			let answer;
			try {
				counts.sent++;
				answer = await this.client.post(w.path, w.fields);
			} catch {
				// No answer: the server died with the request in flight. Unknown until sent again.
				this.unsure.push(w);
				return;
			}
			if (answer.status === 303) {
				acked.push(write);
				const made = answer.location?.match(/^\/pledges\/(\d+)/);
				if (w.kind === 'pledge' && made) this.pledges.push(Number(made[1]));
			} else if (answer.status >= 400 && answer.status < 500) {
				refused.push(write);
				if (w.kind === 'log' && answer.status === 429) this.throttled = true;
			} else {
				throw new Error(
					`${w.kind} by ${this.username} answered ${answer.status}: ${answer.body.slice(0, 300)}`
				);
			}
		}
	}

	/** Sends again, with the same keys, whatever is still unanswered (after the last restart). */
	async settle(acked: Write[], refused: Write[], counts: { sent: number }) {
		const left = this.unsure.length;
		let done = 0;
		await this.run(() => ++done > left, acked, refused, counts);
		if (this.unsure.length)
			throw new Error(`${this.username}: ${this.unsure.length} writes still unanswered`);
	}
}
