import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { household, schoolClass } from './places';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** Grams of single-use plastic one avoided or collected unit stands for, with where the figure comes from. */
export const impactFactor = sqliteTable('impact_factor', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	code: text('code').notNull().unique(),
	nameVi: text('name_vi').notNull(),
	nameEn: text('name_en').notNull(),
	grams: integer('grams').notNull(),
	source: text('source').notNull()
});

export const ACTION_AUDIENCES = ['student', 'household', 'both'] as const;

/** A plastic-free action people log. Retired actions keep their history but can no longer be logged. */
export const action = sqliteTable('action', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	code: text('code').unique(),
	nameVi: text('name_vi').notNull(),
	nameEn: text('name_en').notNull(),
	points: integer('points').notNull(),
	dailyCap: integer('daily_cap').notNull(),
	impactFactorId: integer('impact_factor_id')
		.notNull()
		.references(() => impactFactor.id),
	audience: text('audience', { enum: ACTION_AUDIENCES }).notNull().default('both'),
	retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
});

/**
 * A badge earned once: by a person (`userId`), a class or a household. `refKey` tells repeatable
 * badges apart (a goal id, a challenge id, a pledge id); '' for one-off badges such as "first action".
 */
export const badgeAward = sqliteTable(
	'badge_award',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		badge: text('badge').notNull(),
		userId: integer('user_id').references(() => user.id, { onDelete: 'cascade' }),
		classId: integer('class_id').references(() => schoolClass.id),
		householdId: integer('household_id').references(() => household.id),
		/** 'u:<userId>', 'c:<classId>' or 'h:<householdId>': NOT NULL so the unique index holds. */
		ownerKey: text('owner_key').notNull(),
		refKey: text('ref_key').notNull().default(''),
		awardedAt: integer('awarded_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		uniqueIndex('badge_award_once_idx').on(t.badge, t.ownerKey, t.refKey),
		index('badge_award_user_idx').on(t.userId),
		index('badge_award_class_idx').on(t.classId, t.awardedAt)
	]
);
