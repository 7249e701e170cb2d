import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { household, schoolClass } from './places';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** How a guardian link was made: a parent code, the teacher, or (before codes) by the household. */
export const GUARDIAN_LINK_VIAS = ['code', 'teacher', 'legacy'] as const;
export type GuardianLinkVia = (typeof GUARDIAN_LINK_VIAS)[number];

/**
 * A guardian of a child: made only by a one-use parent code the child's teacher printed, or by the
 * teacher linking a parent they know. Links made the old way (any adult of the household) are kept
 * as 'legacy' so the teacher can review them.
 */
export const guardianLink = sqliteTable(
	'guardian_link',
	{
		guardianId: integer('guardian_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		via: text('via', { enum: GUARDIAN_LINK_VIAS }).notNull().default('legacy'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		primaryKey({ columns: [t.guardianId, t.studentId] }),
		index('guardian_link_student_idx').on(t.studentId)
	]
);

/**
 * A one-use code on a printed parent letter: whoever redeems it (an adult account) becomes the
 * child's guardian. Reissuing revokes the previous code; a code expires after a few weeks.
 */
export const parentCode = sqliteTable(
	'parent_code',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		classId: integer('class_id')
			.notNull()
			.references(() => schoolClass.id),
		code: text('code').notNull().unique(),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedBy: integer('used_by').references(() => user.id, { onDelete: 'set null' }),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('parent_code_student_idx').on(t.studentId), index('parent_code_class_idx').on(t.classId)]
);

/**
 * A drop-off card: a number (and QR) a steward scans to credit a household or a student. It only
 * credits; it never signs anyone in or lets anyone join anything.
 */
export const dropOffCard = sqliteTable(
	'drop_off_card',
	{
		code: text('code').primaryKey(),
		householdId: integer('household_id').references(() => household.id),
		userId: integer('user_id').references(() => user.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		uniqueIndex('drop_off_card_household_idx').on(t.householdId),
		uniqueIndex('drop_off_card_user_idx').on(t.userId),
		check('drop_off_card_one_holder', sql`(${t.householdId} is null) <> (${t.userId} is null)`)
	]
);
