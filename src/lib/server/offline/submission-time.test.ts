import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld } from '../../../../tests/helpers/factories';
import { makePlaygroundWorld } from '../../../../tests/helpers/playground-factories';
import { action, contribution, ledgerEntry } from '$lib/server/db/schema';
import { logAction } from '$lib/server/actions/actions';
import { recordContribution } from '$lib/server/playground/contributions';
import { recordContributionSchema } from '$lib/schemas/playground';
import { QUEUED_MAX_AGE_HOURS } from '$lib/rules/offline';
import { submissionTime } from './submission-time';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
// The server's clock: Wednesday 2026-11-25, 09:00 in Vietnam.
const SERVER_NOW = new Date('2026-11-25T02:00:00Z');
const hoursAgo = (h: number) => String(SERVER_NOW.getTime() - h * 3_600_000);
let keySeq = 0;
const key = () => `offline-key-${++keySeq}-abcdef`;

async function bottle() {
	const [row] = await t.db.select({ id: action.id }).from(action).where(eq(action.code, 'own-bottle'));
	return row.id;
}

/** What the /today action does with a (possibly queued) submission. */
async function logQueued(userId: number, fields: Record<string, string>) {
	const clock = await submissionTime(t.db, userId, fields, SERVER_NOW);
	if (!clock.ok) return clock;
	return logAction(
		t.db,
		userId,
		{
			actionId: Number(fields.actionId),
			count: 1,
			day: fields.day,
			mode: 'person',
			idempotencyKey: fields.idempotencyKey
		},
		clock.now,
		TZ
	);
}

describe('when a queued submission counts as made', () => {
	it('a live form is made now', async () => {
		expect(await submissionTime(t.db, 1, { idempotencyKey: key() }, SERVER_NOW)).toEqual({
			ok: true,
			now: SERVER_NOW
		});
	});

	it('judges "today or yesterday" by the day it was made on the device', async () => {
		const w = await makeStudentWorld(t.db);
		// Made on Monday evening (37 h ago), for Sunday: that was "yesterday" on the device.
		const r = await logQueued(w.student.id, {
			actionId: String(await bottle()),
			day: '2026-11-22',
			madeAt: hoursAgo(37),
			queuedBy: String(w.student.id),
			idempotencyKey: key()
		});
		expect(r).toMatchObject({ ok: true, duplicate: false });
		// The same day from a live form today is outside the window.
		const live = await logQueued(w.student.id, {
			actionId: String(await bottle()),
			day: '2026-11-22',
			idempotencyKey: key()
		});
		expect(live).toMatchObject({ ok: false, error: 'actions.day.window' });
	});

	it(`refuses an entry made more than ${QUEUED_MAX_AGE_HOURS} hours ago, with the reason`, async () => {
		const w = await makeStudentWorld(t.db);
		const r = await logQueued(w.student.id, {
			actionId: String(await bottle()),
			day: '2026-11-22',
			madeAt: hoursAgo(QUEUED_MAX_AGE_HOURS + 1),
			idempotencyKey: key()
		});
		expect(r).toEqual({
			ok: false,
			status: 400,
			error: 'offline.tooOld',
			params: { hours: QUEUED_MAX_AGE_HOURS }
		});
	});

	it('answers a resend of an entry already stored as a duplicate, however old', async () => {
		const w = await makeStudentWorld(t.db);
		const fields = {
			actionId: String(await bottle()),
			day: '2026-11-24',
			madeAt: hoursAgo(20),
			idempotencyKey: key()
		};
		expect(await logQueued(w.student.id, fields)).toMatchObject({ ok: true, duplicate: false });
		// The answer was lost; the device tries again three days later.
		const clock = await submissionTime(t.db, w.student.id, { ...fields, madeAt: hoursAgo(80) }, SERVER_NOW);
		expect(clock).toEqual({ ok: true, now: SERVER_NOW });
		expect(await logQueued(w.student.id, { ...fields, madeAt: hoursAgo(80) })).toMatchObject({
			ok: true,
			duplicate: true
		});
		const entries = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.actorId, w.student.id));
		expect(entries).toHaveLength(1);
	});

	it('never believes a device clock that runs ahead: tomorrow stays out of reach', async () => {
		const w = await makeStudentWorld(t.db);
		const r = await logQueued(w.student.id, {
			actionId: String(await bottle()),
			day: '2026-11-26',
			madeAt: String(SERVER_NOW.getTime() + 24 * 3_600_000),
			idempotencyKey: key()
		});
		expect(r).toMatchObject({ ok: false, error: 'actions.day.window' });
	});

	it("refuses an entry queued under another person's id", async () => {
		const w = await makeStudentWorld(t.db);
		const r = await submissionTime(
			t.db,
			w.student.id,
			{ madeAt: hoursAgo(1), queuedBy: String(w.parent.id), idempotencyKey: key() },
			SERVER_NOW
		);
		expect(r).toEqual({ ok: false, status: 403, error: 'offline.otherPerson' });
	});

	it('refuses a device time that is not a time', async () => {
		expect(await submissionTime(t.db, 1, { madeAt: 'yesterday' }, SERVER_NOW)).toMatchObject({
			ok: false,
			error: 'form.invalid'
		});
		expect(await submissionTime(t.db, 1, { madeAt: ['1', '2'] }, SERVER_NOW)).toMatchObject({ ok: false });
	});

	it("records a steward's drop-off on the steward's local day when it was weighed", async () => {
		const w = await makePlaygroundWorld(t.db);
		const fields = {
			pointId: String(w.point.id),
			playgroundId: String(w.playground.id),
			contributor: w.student.nickname,
			pick: `u:${w.student.id}`,
			material: 'pet_bottles',
			weightKg: '1,5',
			idempotencyKey: key(),
			// Monday 2026-11-23, 20:00 in Vietnam: 37 hours before the server's clock.
			madeAt: hoursAgo(37),
			queuedBy: String(w.steward.id)
		};
		const clock = await submissionTime(t.db, w.steward.id, fields, SERVER_NOW);
		if (!clock.ok) throw new Error(clock.error);
		const input = recordContributionSchema.parse(fields);
		const r = await recordContribution(t.db, w.steward.id, input, clock.now, TZ);
		if (!r.ok) throw new Error(r.error);
		const [row] = await t.db.select().from(contribution).where(eq(contribution.id, r.contribution.id));
		expect(row.localDay).toBe('2026-11-23');
		const [entry] = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.id, row.ledgerEntryId!));
		expect(entry.localDay).toBe('2026-11-23');
	});
});
