/**
 * The trust work's two "replace" forms (a household's drop-off card, a child's parent letter) join
 * the other create and reset forms: the same submission twice (a double tap, a retry) replaces once,
 * so the card or letter printed from the first answer keeps working. Both replaced twice before.
 */
import { describe, expect, it, vi } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestDb } from '../helpers/db';
import { makeStudentWorld } from '../helpers/factories';
import { routeEvent, run, sessionUser } from '../helpers/route-event';
import { parentCode } from '../../src/lib/server/db/schema';
import { cardOf, issueCard } from '../../src/lib/server/people/cards';
import { issueParentCode } from '../../src/lib/server/people/parent-codes';

const t = await createTestDb();
vi.mock('$lib/server/db', () => ({ getDb: async () => t.db }));

const members = await import('../../src/routes/(app)/households/[householdId=id]/members/+page.server');
const guardians = await import('../../src/routes/(app)/classes/[classId=id]/guardians/+page.server');

const openLetters = (studentId: number) =>
	t.db
		.select({ code: parentCode.code })
		.from(parentCode)
		.where(and(eq(parentCode.studentId, studentId), isNull(parentCode.revokedAt)));

describe('replacing forms sent twice replace once', () => {
	it('a drop-off card: the second copy keeps the number the first one gave; a new key replaces again', async () => {
		const w = await makeStudentWorld(t.db);
		const householdId = w.household.id;
		const old = await issueCard(t.db, { householdId });
		const user = await sessionUser(t.db, w.parent.id);
		const form = { confirm: 'yes', idempotencyKey: 'card-tap-1' };
		const params = { householdId: String(householdId) };
		expect((await run(members.actions.card, routeEvent({ user, params, form }))).outcome).toBe('ok');
		const first = await cardOf(t.db, { householdId });
		expect(first).not.toBe(old);
		expect((await run(members.actions.card, routeEvent({ user, params, form }))).outcome).toBe('ok');
		expect(await cardOf(t.db, { householdId })).toBe(first);
		const again = { ...form, idempotencyKey: 'card-tap-2' };
		expect((await run(members.actions.card, routeEvent({ user, params, form: again }))).outcome).toBe('ok');
		expect(await cardOf(t.db, { householdId })).not.toBe(first);
	});

	it('a parent letter: the code printed from the first answer stays the open one', async () => {
		const w = await makeStudentWorld(t.db);
		await issueParentCode(t.db, { classId: w.cls.id, studentId: w.student.id, teacherId: w.teacher.id });
		const user = await sessionUser(t.db, w.teacher.id);
		const params = { classId: String(w.cls.id) };
		const form = { studentId: String(w.student.id), idempotencyKey: 'letter-tap-1' };
		expect((await run(guardians.actions.reissue, routeEvent({ user, params, form }))).outcome).toBe('ok');
		const [first] = await openLetters(w.student.id);
		expect((await run(guardians.actions.reissue, routeEvent({ user, params, form }))).outcome).toBe('ok');
		expect(await openLetters(w.student.id)).toEqual([first]);
		expect(
			await t.db.select({ id: parentCode.id }).from(parentCode).where(eq(parentCode.studentId, w.student.id))
		).toHaveLength(2);
	});

	it('without a key the form is a 400 and nothing is replaced', async () => {
		const w = await makeStudentWorld(t.db);
		const householdId = w.household.id;
		const old = await issueCard(t.db, { householdId });
		const user = await sessionUser(t.db, w.parent.id);
		const ran = await run(
			members.actions.card,
			routeEvent({
				user,
				params: { householdId: String(householdId) },
				form: { confirm: 'yes', idempotencyKey: '' }
			})
		);
		expect(ran.outcome).toBe(400);
		expect(await cardOf(t.db, { householdId })).toBe(old);
	});
});
