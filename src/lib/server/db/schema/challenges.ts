import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { GOAL_METRICS } from '../../../domain/goals';
import { action } from './catalogue';
import { ledgerEntry } from './ledger';
import { area, communityModel, household, neighbourhood, school, schoolClass } from './places';
// Relative imports: drizzle-kit loads this file without SvelteKit's $lib alias.
import { CHALLENGE_SCOPES } from '../../../domain/challenges';
import { ACTION_RULES } from '../../../rules/actions';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** A challenge over a period of local days (inclusive) with its own set of actions and points. */
export const challenge = sqliteTable(
	'challenge',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		scope: text('scope', { enum: CHALLENGE_SCOPES }).notNull(),
		schoolId: integer('school_id').references(() => school.id),
		neighbourhoodId: integer('neighbourhood_id').references(() => neighbourhood.id),
		areaId: integer('area_id').references(() => area.id),
		modelId: integer('model_id').references(() => communityModel.id),
		startDay: text('start_day').notNull(),
		endDay: text('end_day').notNull(),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		/** The hidden key of the form that created it: the same form sent twice creates one challenge. */
		formKey: text('form_key'),
		/** The day its winners were decided (the first ledger write after its last loggable day). */
		settledOn: text('settled_on')
	},
	(t) => [
		index('challenge_end_idx').on(t.endDay),
		index('challenge_unsettled_idx')
			.on(t.endDay)
			.where(sql`${t.settledOn} is null`),
		uniqueIndex('challenge_form_key_idx').on(t.createdBy, t.formKey),
		check('challenge_days_chk', sql`${t.startDay} <= ${t.endDay}`)
	]
);

/** The actions a challenge counts, each with the points it is worth in this challenge. */
export const challengeAction = sqliteTable(
	'challenge_action',
	{
		challengeId: integer('challenge_id')
			.notNull()
			.references(() => challenge.id),
		actionId: integer('action_id')
			.notNull()
			.references(() => action.id),
		points: integer('points').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.challengeId, t.actionId] }),
		check(
			'challenge_action_points_chk',
			sql`${t.points} between ${sql.raw(String(ACTION_RULES.points.min))} and ${sql.raw(String(ACTION_RULES.points.max))}`
		)
	]
);

/**
 * The challenges a ledger entry counts for, each at that challenge's points (an action logged while
 * two challenges run counts in both). Written with the entry and never changed; a reversal gets the
 * negated copies, so every challenge's standings net to zero too.
 */
export const challengeCredit = sqliteTable(
	'challenge_credit',
	{
		entryId: integer('entry_id')
			.notNull()
			.references(() => ledgerEntry.id),
		challengeId: integer('challenge_id')
			.notNull()
			.references(() => challenge.id),
		points: integer('points').notNull()
	},
	(t) => [primaryKey({ columns: [t.entryId, t.challengeId] })]
);

/**
 * Who takes part: a class, or a neighbourhood (all its households, present and future). Exactly one
 * of the two is set on each row.
 */
export const challengeParticipant = sqliteTable(
	'challenge_participant',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		challengeId: integer('challenge_id')
			.notNull()
			.references(() => challenge.id),
		classId: integer('class_id').references(() => schoolClass.id),
		neighbourhoodId: integer('neighbourhood_id').references(() => neighbourhood.id)
	},
	(t) => [
		uniqueIndex('challenge_participant_class_idx').on(t.challengeId, t.classId),
		uniqueIndex('challenge_participant_nb_idx').on(t.challengeId, t.neighbourhoodId),
		index('challenge_participant_by_class_idx').on(t.classId),
		index('challenge_participant_by_nb_idx').on(t.neighbourhoodId)
	]
);

export const LOG_MODES = ['person', 'household'] as const;
export type LogMode = (typeof LOG_MODES)[number];

/**
 * One logged action (the ledger entry's source row). `person` mode: a student for themself (credits
 * person, class, household; capped per person); `household` mode: a household member for the
 * household (capped per household).
 */
export const actionLog = sqliteTable(
	'action_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actionId: integer('action_id')
			.notNull()
			.references(() => action.id),
		mode: text('mode', { enum: LOG_MODES }).notNull(),
		actorId: integer('actor_id').references(() => user.id, { onDelete: 'set null' }),
		personId: integer('person_id').references(() => user.id, { onDelete: 'set null' }),
		classId: integer('class_id').references(() => schoolClass.id),
		householdId: integer('household_id').references(() => household.id),
		localDay: text('local_day').notNull(),
		count: integer('count').notNull(),
		ledgerEntryId: integer('ledger_entry_id').references(() => ledgerEntry.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('action_log_person_day_idx').on(t.personId, t.localDay, t.actionId),
		index('action_log_household_day_idx').on(t.householdId, t.localDay, t.actionId),
		index('action_log_class_day_idx').on(t.classId, t.localDay),
		index('action_log_actor_time_idx').on(t.actorId, t.createdAt),
		check('action_log_count_chk', sql`${t.count} > 0`)
	]
);

/**
 * A class goal: reach `target` (points, count of one action, grams collected, or check-ins) between
 * `startDay` and `deadline` (local days, inclusive). `reachedAt` is set once, when first reached.
 */
export const classGoal = sqliteTable(
	'class_goal',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		classId: integer('class_id')
			.notNull()
			.references(() => schoolClass.id),
		metric: text('metric', { enum: GOAL_METRICS }).notNull(),
		actionId: integer('action_id').references(() => action.id),
		/** In the metric's base unit: points, a count, grams (kg goals) or check-ins. */
		target: integer('target').notNull(),
		startDay: text('start_day').notNull(),
		deadline: text('deadline').notNull(),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		reachedOn: text('reached_on'),
		/** The hidden key of the form that set it: the same form sent twice sets one goal. */
		formKey: text('form_key')
	},
	(t) => [
		index('class_goal_class_idx').on(t.classId, t.deadline),
		uniqueIndex('class_goal_form_key_idx').on(t.createdBy, t.formKey)
	]
);
