import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { household, schoolClass } from './places';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

export const PLEDGE_ITEM_KINDS = ['bottle', 'bag', 'lunchbox', 'cup', 'cutlery', 'custom'] as const;

/**
 * A promise to use a reusable item instead of its single-use twin from `startDay` to `endDay`
 * (local days, both included). Personal when `householdId` is null (owned by `userId`), else the
 * household's (`userId` made it). Grams per item are copied in, so history never shifts when a
 * factor is revised. Streaks and grace days are derived from the check-ins, not stored.
 */
export const pledge = sqliteTable(
	'pledge',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id').references(() => user.id, { onDelete: 'set null' }),
		householdId: integer('household_id').references(() => household.id),
		item: text('item', { enum: PLEDGE_ITEM_KINDS }).notNull(),
		customName: text('custom_name'),
		gramsPerItem: integer('grams_per_item').notNull(),
		usesPerDay: integer('uses_per_day').notNull(),
		startDay: text('start_day').notNull(),
		endDay: text('end_day').notNull(),
		/** Set when ended early: the last day that still counts. */
		endedOn: text('ended_on'),
		/** Set once, by the check-in that completed it (the bonus is paid in that same transaction). */
		completedOn: text('completed_on'),
		idempotencyKey: text('idempotency_key'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		index('pledge_user_idx').on(t.userId, t.endDay),
		index('pledge_household_idx').on(t.householdId, t.endDay),
		uniqueIndex('pledge_idem_idx').on(t.userId, t.idempotencyKey)
	]
);

/**
 * One check-in per pledge per local day (the unique index makes a concurrent second one fail).
 * The credited class and household are copied from the ledger entry so impact sums are one read.
 */
export const pledgeCheckin = sqliteTable(
	'pledge_checkin',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		pledgeId: integer('pledge_id')
			.notNull()
			.references(() => pledge.id),
		localDay: text('local_day').notNull(),
		itemsAvoided: integer('items_avoided').notNull(),
		gramsAvoided: integer('grams_avoided').notNull(),
		userId: integer('user_id').references(() => user.id, { onDelete: 'set null' }),
		classId: integer('class_id').references(() => schoolClass.id),
		householdId: integer('household_id').references(() => household.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		uniqueIndex('pledge_checkin_day_idx').on(t.pledgeId, t.localDay),
		index('pledge_checkin_user_idx').on(t.userId, t.localDay),
		index('pledge_checkin_class_idx').on(t.classId, t.localDay),
		index('pledge_checkin_household_idx').on(t.householdId, t.localDay)
	]
);
