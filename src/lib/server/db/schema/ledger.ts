import {
	type AnySQLiteColumn,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { household, schoolClass } from './places';
import { SOURCE_KINDS, type SourceKind } from '../../../domain/ledger';

export type { SourceKind };

/**
 * The append-only points ledger. Every point and gram has a row here; a void is a new row with
 * negated amounts pointing at the one it reverses (unique, so at most once). Rows are never
 * updated except to null a person who has been erased.
 */
export const ledgerEntry = sqliteTable(
	'ledger_entry',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		localDay: text('local_day').notNull(),
		points: integer('points').notNull(),
		gramsAvoided: integer('grams_avoided').notNull().default(0),
		gramsCollected: integer('grams_collected').notNull().default(0),
		sourceKind: text('source_kind', { enum: SOURCE_KINDS }).notNull(),
		sourceId: integer('source_id'),
		actorId: integer('actor_id').references(() => user.id, { onDelete: 'set null' }),
		personId: integer('person_id').references(() => user.id, { onDelete: 'set null' }),
		classId: integer('class_id').references(() => schoolClass.id),
		householdId: integer('household_id').references(() => household.id),
		reverses: integer('reverses')
			.unique()
			.references((): AnySQLiteColumn => ledgerEntry.id),
		reason: text('reason'),
		idempotencyKey: text('idempotency_key')
	},
	(t) => [
		uniqueIndex('ledger_entry_idem_idx').on(t.actorId, t.idempotencyKey),
		index('ledger_entry_person_idx').on(t.personId, t.localDay),
		index('ledger_entry_class_idx').on(t.classId, t.localDay),
		index('ledger_entry_household_idx').on(t.householdId, t.localDay),
		index('ledger_entry_source_idx').on(t.sourceKind, t.sourceId)
	]
);

export const SCOPE_KINDS = ['person', 'class', 'school', 'household', 'neighbourhood', 'area'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
/** `day` rows feed the board charts (cumulative points); they carry no active-member count. */
export const PERIOD_KINDS = ['week', 'month', 'all', 'challenge', 'day'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * Totals per (scope, period), written in the same transaction as each ledger entry. `parentId` is
 * the scope a board ranks within (class → school, school → area, household → neighbourhood,
 * neighbourhood → area, person → the class they are in now; 0 when there is none), so a board is
 * one index range. Boards follow today's memberships and area tree: a person's rows move with
 * them when they leave a class, and per-area copies are rebuilt when an area moves.
 * Rows whose entries all were voided are deleted, so a board lists exactly the groups that scored.
 */
export const rollup = sqliteTable(
	'rollup',
	{
		scopeKind: text('scope_kind', { enum: SCOPE_KINDS }).notNull(),
		scopeId: integer('scope_id').notNull(),
		periodKind: text('period_kind', { enum: PERIOD_KINDS }).notNull(),
		periodKey: text('period_key').notNull(),
		parentId: integer('parent_id').notNull().default(0),
		points: integer('points').notNull().default(0),
		gramsAvoided: integer('grams_avoided').notNull().default(0),
		gramsCollected: integer('grams_collected').notNull().default(0),
		entries: integer('entries').notNull().default(0),
		activeMembers: integer('active_members').notNull().default(0),
		/** Different days with an entry that stands (for the household per-member rule). */
		activeDays: integer('active_days').notNull().default(0),
		/** points ÷ active members, kept once the group is ranked that way (`PER_MEMBER_RULES`); else null. */
		perMember: real('per_member')
	},
	(t) => [
		primaryKey({ columns: [t.scopeKind, t.scopeId, t.periodKind, t.periodKey] }),
		index('rollup_board_idx').on(t.scopeKind, t.parentId, t.periodKind, t.periodKey, t.points),
		index('rollup_board_member_idx').on(t.scopeKind, t.parentId, t.periodKind, t.periodKey, t.perMember)
	]
);

export const AREA_BOARD_KINDS = ['class', 'school', 'neighbourhood'] as const;
export type AreaBoardKind = (typeof AREA_BOARD_KINDS)[number];

/**
 * The same totals as `rollup`, repeated once per area that contains the group (its own area and
 * every ancestor: the tree's depth is data), so "classes in this province" is one index range too.
 * Written in the same transaction as the entry; no `day` rows (charts read the group's own rollup).
 */
export const rollupArea = sqliteTable(
	'rollup_area',
	{
		boardKind: text('board_kind', { enum: AREA_BOARD_KINDS }).notNull(),
		areaId: integer('area_id').notNull(),
		scopeId: integer('scope_id').notNull(),
		periodKind: text('period_kind', { enum: PERIOD_KINDS }).notNull(),
		periodKey: text('period_key').notNull(),
		points: integer('points').notNull().default(0),
		entries: integer('entries').notNull().default(0),
		activeMembers: integer('active_members').notNull().default(0),
		activeDays: integer('active_days').notNull().default(0),
		perMember: real('per_member')
	},
	(t) => [
		primaryKey({ columns: [t.boardKind, t.scopeId, t.periodKind, t.periodKey, t.areaId] }),
		index('rollup_area_board_idx').on(t.boardKind, t.areaId, t.periodKind, t.periodKey, t.points),
		index('rollup_area_member_idx').on(t.boardKind, t.areaId, t.periodKind, t.periodKey, t.perMember)
	]
);

/**
 * A person's entries that stand (entries minus reversals) in a scope's period: the person is an
 * active member while it is above zero. Rows that reach zero are deleted.
 */
export const rollupMember = sqliteTable(
	'rollup_member',
	{
		scopeKind: text('scope_kind', { enum: SCOPE_KINDS }).notNull(),
		scopeId: integer('scope_id').notNull(),
		periodKind: text('period_kind', { enum: PERIOD_KINDS }).notNull(),
		periodKey: text('period_key').notNull(),
		personId: integer('person_id').notNull(),
		entries: integer('entries').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.scopeKind, t.scopeId, t.periodKind, t.periodKey, t.personId] })]
);

/**
 * A scope's entries that stand on one local day of a period, kept only for the kinds whose
 * per-member rule counts days (households): the day is active while it is above zero.
 */
export const rollupDay = sqliteTable(
	'rollup_day',
	{
		scopeKind: text('scope_kind', { enum: SCOPE_KINDS }).notNull(),
		scopeId: integer('scope_id').notNull(),
		periodKind: text('period_kind', { enum: PERIOD_KINDS }).notNull(),
		periodKey: text('period_key').notNull(),
		day: text('day').notNull(),
		entries: integer('entries').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.scopeKind, t.scopeId, t.periodKind, t.periodKey, t.day] })]
);
