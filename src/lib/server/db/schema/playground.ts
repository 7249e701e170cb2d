import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { area, communityModel, household, neighbourhood, school, schoolClass } from './places';
import { ledgerEntry } from './ledger';
import {
	COLLECTION_POINT_KINDS,
	CONTRIBUTION_STATUSES,
	MATERIALS,
	PLAYGROUND_STATES
} from '../../../utils/playground';

export { COLLECTION_POINT_KINDS, CONTRIBUTION_STATUSES, PLAYGROUND_STATES };

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now);

/** A community recycled playground (modelled on Liên Mạc): sorted plastic becomes its parts. */
export const playground = sqliteTable(
	'playground',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		modelId: integer('model_id')
			.notNull()
			.references(() => communityModel.id),
		areaId: integer('area_id')
			.notNull()
			.references(() => area.id),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		state: text('state', { enum: PLAYGROUND_STATES }).notNull().default('collecting'),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('playground_model_idx').on(t.modelId)]
);

/**
 * A part of a playground (bench, slide, fence…) with a target in grams and/or items. `materials`
 * is a comma-separated list of material codes it is built from ('' = any). One class or one
 * household may adopt it.
 */
export const playgroundComponent = sqliteTable(
	'playground_component',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		playgroundId: integer('playground_id')
			.notNull()
			.references(() => playground.id),
		name: text('name').notNull(),
		materials: text('materials').notNull().default(''),
		targetGrams: integer('target_grams'),
		targetItems: integer('target_items'),
		position: integer('position').notNull().default(0),
		adoptedByClassId: integer('adopted_by_class_id').references(() => schoolClass.id),
		adoptedByHouseholdId: integer('adopted_by_household_id').references(() => household.id),
		adoptedAt: integer('adopted_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('playground_component_playground_idx').on(t.playgroundId)]
);

/** A school, pagoda, shop or community house where people drop sorted plastic. */
export const collectionPoint = sqliteTable('collection_point', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	kind: text('kind', { enum: COLLECTION_POINT_KINDS }).notNull(),
	openingHours: text('opening_hours').notNull().default(''),
	address: text('address').notNull().default(''),
	areaId: integer('area_id')
		.notNull()
		.references(() => area.id),
	neighbourhoodId: integer('neighbourhood_id').references(() => neighbourhood.id),
	schoolId: integer('school_id').references(() => school.id),
	createdAt: createdAt()
});

export const collectionPointSteward = sqliteTable(
	'collection_point_steward',
	{
		pointId: integer('point_id')
			.notNull()
			.references(() => collectionPoint.id),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		addedAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.pointId, t.userId] }),
		index('collection_point_steward_user_idx').on(t.userId)
	]
);

/**
 * The neighbourhoods whose households and students a point's stewards may search by name (its own
 * neighbourhood to start with; an organiser may add more). Drop-off cards work anywhere.
 */
export const collectionPointNeighbourhood = sqliteTable(
	'collection_point_neighbourhood',
	{
		pointId: integer('point_id')
			.notNull()
			.references(() => collectionPoint.id),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhood.id)
	},
	(t) => [
		primaryKey({ columns: [t.pointId, t.neighbourhoodId] }),
		index('collection_point_neighbourhood_nb_idx').on(t.neighbourhoodId)
	]
);

/** Which playgrounds a collection point feeds (one or more). */
export const collectionPointPlayground = sqliteTable(
	'collection_point_playground',
	{
		pointId: integer('point_id')
			.notNull()
			.references(() => collectionPoint.id),
		playgroundId: integer('playground_id')
			.notNull()
			.references(() => playground.id)
	},
	(t) => [
		primaryKey({ columns: [t.pointId, t.playgroundId] }),
		index('collection_point_playground_pg_idx').on(t.playgroundId)
	]
);

/**
 * A drop-off of sorted plastic. Announced by a contributor (no points yet) or recorded by a
 * steward; confirming it appends one ledger entry (household + student + class) whose id is kept
 * here. `points` is fixed at confirmation so later rate changes never rewrite history.
 */
export const contribution = sqliteTable(
	'contribution',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		playgroundId: integer('playground_id')
			.notNull()
			.references(() => playground.id),
		pointId: integer('point_id')
			.notNull()
			.references(() => collectionPoint.id),
		componentId: integer('component_id').references(() => playgroundComponent.id),
		material: text('material', { enum: MATERIALS }).notNull(),
		grams: integer('grams').notNull(),
		/** True when the weight was estimated from a count (bottles, caps) rather than weighed. */
		gramsEstimated: integer('grams_estimated', { mode: 'boolean' }).notNull().default(false),
		itemCount: integer('item_count'),
		volumeMl: integer('volume_ml'),
		householdId: integer('household_id').references(() => household.id),
		studentId: integer('student_id').references(() => user.id, { onDelete: 'set null' }),
		classId: integer('class_id').references(() => schoolClass.id),
		status: text('status', { enum: CONTRIBUTION_STATUSES }).notNull(),
		reason: text('reason'),
		points: integer('points').notNull().default(0),
		ledgerEntryId: integer('ledger_entry_id').references(() => ledgerEntry.id),
		localDay: text('local_day').notNull(),
		announcedBy: integer('announced_by').references(() => user.id, { onDelete: 'set null' }),
		recordedBy: integer('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		idempotencyKey: text('idempotency_key'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('contribution_idem_idx').on(t.createdBy, t.idempotencyKey),
		index('contribution_playground_idx').on(t.playgroundId, t.status, t.localDay),
		index('contribution_point_idx').on(t.pointId, t.localDay),
		index('contribution_household_idx').on(t.householdId, t.createdAt),
		index('contribution_component_idx').on(t.componentId)
	]
);
