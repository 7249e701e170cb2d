import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
