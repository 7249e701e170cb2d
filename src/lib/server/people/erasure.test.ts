import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld, makeUser } from '../../../../tests/helpers/factories';
import * as schema from '$lib/server/db/schema';
import {
	classStudent,
	impactActive,
	impactMember,
	ledgerEntry,
	pledge,
	rollup,
	rollupMember,
	user
} from '$lib/server/db/schema';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { createPledge } from '$lib/server/pledges/pledges';
import { createSession } from '$lib/server/auth/session';
import { accountLimit, recordFailure } from '$lib/server/auth/rate-limit';
import { ensureCard } from './cards';
import { once } from '$lib/server/db/receipts';
import { appendEntry, getTotals } from '$lib/server/ledger/ledger';
import { erasePerson } from './erasure';
import { childCsv, childData } from './guardians';

const t = await createTestDb();

describe('erasing a child', () => {
	it('deletes the person and what identifies them but keeps class and household totals identical', async () => {
		const w = await makeStudentWorld(t.db);
		const classmate = await makeUser(t.db, { roles: ['student'] });
		await t.db.insert(classStudent).values({ classId: w.cls.id, userId: classmate.id });
		const days = ['2026-11-02', '2026-11-10', '2026-11-24'];
		await t.db.transaction(async (tx) => {
			for (const [i, localDay] of days.entries()) {
				await appendEntry(tx, {
					localDay,
					points: 5 + i,
					gramsAvoided: 10,
					sourceKind: 'action',
					actorId: w.student.id,
					personId: w.student.id,
					classId: w.cls.id,
					householdId: w.household.id
				});
			}
			await appendEntry(tx, {
				localDay: '2026-11-24',
				points: 3,
				sourceKind: 'action',
				actorId: classmate.id,
				personId: classmate.id,
				classId: w.cls.id
			});
		});
		const groupRows = () =>
			t.db
				.select()
				.from(rollup)
				.where(sql`${rollup.scopeKind} <> 'person'`)
				.orderBy(rollup.scopeKind, rollup.scopeId, rollup.periodKind, rollup.periodKey);
		const before = await groupRows();
		const activeBefore = await t.db.select().from(impactActive);
		expect(activeBefore.length).toBeGreaterThan(0);
		const classAll = await getTotals(t.db, 'class', w.cls.id);
		expect(classAll.points).toBe(5 + 6 + 7 + 3);

		const data = await childData(t.db, w.student.id);
		expect(data?.entries).toHaveLength(3);
		expect(childCsv(data!, new Map())).toContain(w.student.displayName);

		expect(await erasePerson(t.db, w.student.id)).toBe(true);

		expect(await groupRows()).toEqual(before);
		expect(await getTotals(t.db, 'class', w.cls.id)).toEqual(classAll);
		expect(await getTotals(t.db, 'household', w.household.id)).toMatchObject({ points: 18 });
		expect(await t.db.select().from(user).where(eq(user.id, w.student.id))).toHaveLength(0);
		expect(
			await t.db
				.select()
				.from(rollup)
				.where(eq(rollup.scopeId, w.student.id))
				.then((r) => r.filter((x) => x.scopeKind === 'person'))
		).toHaveLength(0);
		expect(
			await t.db.select().from(rollupMember).where(eq(rollupMember.personId, w.student.id))
		).toHaveLength(0);
		// The impact dashboard forgets which student was active, but still counts them.
		expect(
			await t.db
				.select()
				.from(impactMember)
				.where(and(eq(impactMember.kind, 'student'), eq(impactMember.memberId, w.student.id)))
		).toHaveLength(0);
		expect(await t.db.select().from(impactActive)).toEqual(activeBefore);
		const entries = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.classId, w.cls.id));
		expect(entries).toHaveLength(4);
		expect(entries.filter((e) => e.personId === null && e.actorId === null)).toHaveLength(3);
		// the classmate is untouched
		expect(await getTotals(t.db, 'person', classmate.id)).toMatchObject({ points: 3 });
		expect(await erasePerson(t.db, w.student.id)).toBe(false);
	});

	it('every foreign key to a person lets the person be deleted (cascade or set null)', async () => {
		const tables = await t.client.execute(
			"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'"
		);
		const blocking: string[] = [];
		for (const { name } of tables.rows) {
			const fks = await t.client.execute(`pragma foreign_key_list(\`${String(name)}\`)`);
			for (const fk of fks.rows) {
				if (fk.table === 'user' && !['CASCADE', 'SET NULL'].includes(String(fk.on_delete)))
					blocking.push(`${String(name)}.${String(fk.from)}`);
			}
		}
		expect(blocking).toEqual([]);
	});
});

/**
 * Every text column in the schema, and whether a child's own words (or what identifies them) can
 * end up in it. A new text column makes the test below fail until it is listed here.
 */
const CHILD = 'the child writes it, or it identifies them: empty after erasure';
const TEXT_COLUMNS: Record<string, string> = {
	'user.username': CHILD,
	'user.email': CHILD,
	'user.display_name': CHILD,
	'user.nickname': CHILD,
	'user.password_hash': CHILD,
	'session.id': CHILD,
	'rate_limit.key': CHILD,
	'pledge.custom_name': CHILD,
	'area.code': 'reference data',
	'area.name_vi': 'organisers',
	'area.name_en': 'organisers',
	'community_model.code': 'reference data',
	'community_model.name_vi': 'organisers',
	'community_model.name_en': 'organisers',
	'community_model.host_name': 'organisers',
	'community_model.description_vi': 'organisers',
	'community_model.description_en': 'organisers',
	'community_model.worked_vi': 'organisers',
	'community_model.worked_en': 'organisers',
	'community_model.hard_vi': 'organisers',
	'community_model.hard_en': 'organisers',
	'community_model.support_vi': 'organisers',
	'community_model.support_en': 'organisers',
	'community_model.contact': 'organisers (a host’s public contact, never a child’s)',
	'school.name': 'organisers',
	'school_invite.code': 'generated',
	'class.name': 'teachers',
	'class.school_year': 'teachers',
	'class.join_code': 'generated',
	'neighbourhood.name': 'organisers',
	'household.display_name': 'adults only (students cannot create a household)',
	'household.invite_code': 'generated',
	'consent_record.collected_on': 'teachers',
	'consent_record.note': 'teachers',
	'roster_import.import_key': 'generated by the page',
	'parent_code.code': 'generated (its row goes with the child)',
	'drop_off_card.code': 'generated (its row goes with the child)',
	'impact_factor.code': 'reference data',
	'impact_factor.name_vi': 'reference data',
	'impact_factor.name_en': 'reference data',
	'impact_factor.source': 'reference data',
	'action.code': 'organisers',
	'action.name_vi': 'organisers',
	'action.name_en': 'organisers',
	'badge_award.badge': 'generated',
	'badge_award.owner_key': 'generated (ids)',
	'badge_award.ref_key': 'generated (ids)',
	'ledger_entry.local_day': 'generated',
	'ledger_entry.reason': 'the teacher or steward who voids',
	'ledger_entry.idempotency_key': 'generated by the page',
	'rollup.period_key': 'generated',
	'rollup_area.period_key': 'generated',
	'rollup_member.period_key': 'generated',
	'rollup_day.period_key': 'generated',
	'impact_day.day': 'generated',
	'impact_material_day.day': 'generated',
	'impact_material_day.material': 'generated',
	'impact_member.bucket': 'generated',
	'impact_member.prev_day': 'generated',
	'impact_active.bucket': 'generated',
	'rollup_day.day': 'generated',
	'challenge.title': 'teachers, stewards, organisers',
	'challenge.description': 'teachers, stewards, organisers',
	'challenge.start_day': 'generated',
	'challenge.end_day': 'generated',
	'challenge.form_key': 'generated by the page',
	'challenge.settled_on': 'generated',
	'action_log.local_day': 'generated',
	'class_goal.start_day': 'generated',
	'class_goal.deadline': 'teachers',
	'class_goal.reached_on': 'generated',
	'class_goal.form_key': 'generated by the page',
	'playground.name': 'organisers',
	'playground.description': 'organisers',
	'playground_component.name': 'organisers',
	'playground_component.materials': 'organisers',
	'collection_point.name': 'organisers',
	'collection_point.opening_hours': 'organisers',
	'collection_point.address': 'organisers',
	'contribution.reason': 'the steward who decides',
	'contribution.local_day': 'generated',
	'contribution.idempotency_key': 'generated by the page',
	'pledge.start_day': 'generated',
	'pledge.end_day': 'generated',
	'pledge.ended_on': 'generated',
	'pledge.completed_on': 'generated',
	'pledge.idempotency_key': 'generated by the page',
	'pledge_checkin.local_day': 'generated',
	'known_device.device_hash': 'generated (its row goes with the person)',
	'app_secret.name': 'generated',
	'form_receipt.actor': CHILD,
	'form_receipt.form': 'generated',
	'form_receipt.key': 'generated by the page',
	'form_receipt.result': CHILD
};

describe('erasure removes the child’s words', () => {
	it('lists every text column (enums aside) as one a child can write in, or not', () => {
		const found: string[] = [];
		for (const table of Object.values(schema)) {
			if (!is(table, SQLiteTable)) continue;
			const config = getTableConfig(table);
			for (const c of config.columns)
				if (c.columnType === 'SQLiteText' && !c.enumValues?.length) found.push(`${config.name}.${c.name}`);
		}
		expect(
			found.filter((k) => !(k in TEXT_COLUMNS)),
			'text columns to classify in TEXT_COLUMNS'
		).toEqual([]);
		expect(
			Object.keys(TEXT_COLUMNS).filter((k) => !found.includes(k)),
			'columns that no longer exist'
		).toEqual([]);
	});

	it('leaves no trace of what the child wrote, in any column a child can write in', async () => {
		const w = await makeStudentWorld(t.db);
		const MARK = 'Ngọc Bích Riêng';
		await t.db
			.update(user)
			.set({ displayName: `Trần ${MARK}`, nickname: `Sao ${MARK}` })
			.where(eq(user.id, w.student.id));
		const made = await createPledge(
			t.db,
			w.student.id,
			{
				owner: 'me',
				item: 'custom',
				customName: `Bình nước của ${MARK}`,
				customGrams: 15,
				usesPerDay: 1,
				days: 7,
				untilDay: null,
				idempotencyKey: 'erase-words-1'
			},
			new Date(),
			'Asia/Ho_Chi_Minh'
		);
		expect(made.ok).toBe(true);
		await createSession(t.db, w.student.id);
		await recordFailure(t.db, [accountLimit(w.student.username)]);
		await ensureCard(t.db, { userId: w.student.id });
		// The receipt of the join that made the account (sent by a device) names the child.
		await once(
			t.db,
			{ actor: { deviceHash: 'a-device' }, form: 'class.join', key: 'erase-join-1' },
			async () => ({
				ok: true,
				userId: w.student.id,
				username: w.student.username
			})
		);
		await once(
			t.db,
			{ actor: { userId: w.student.id }, form: 'household.create', key: 'erase-own-1' },
			async () => ({
				ok: true,
				note: MARK
			})
		);

		expect(await erasePerson(t.db, w.student.id)).toBe(true);

		const traces: string[] = [];
		for (const [key, why] of Object.entries(TEXT_COLUMNS)) {
			if (why !== CHILD) continue;
			const [table, column] = key.split('.');
			const rows = await t.client.execute({
				sql: `select count(*) as n from "${table}" where "${column}" like ? or "${column}" like ?`,
				args: [`%${MARK}%`, `%${w.student.username}%`]
			});
			if (Number(rows.rows[0].n) > 0) traces.push(key);
		}
		expect(traces).toEqual([]);
		// The pledge's check-ins and totals stay, without a name or an owner.
		const [kept] = await t.db.select().from(pledge).where(eq(pledge.idempotencyKey, 'erase-words-1'));
		expect(kept).toMatchObject({ userId: null, customName: null });
	});
});
