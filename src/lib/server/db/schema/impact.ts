import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/*
 * Rollups for the impact reports. They are written with the board rollups, inside the transaction
 * that appends the entry (src/lib/server/ledger/impact-rollups.ts; migration 0009's triggers did it
 * until 0010), by the rules of three views that say what an entry counts for (`impact_entry_key`, `impact_entry_amount`,
 * `impact_entry_member`); `src/lib/server/impact/rebuild.ts` recomputes them in bulk from the same
 * views, and `rollups.test.ts` checks both against the ledger. Like the board rollups, they keep the
 * place an entry had when it was written: moving a school to another model later does not move its
 * history.
 */

/** Every area with itself (depth 0) and each ancestor: "in this area" is one index range. */
export const areaClosure = sqliteTable(
	'area_closure',
	{
		areaId: integer('area_id').notNull(),
		ancestorId: integer('ancestor_id').notNull(),
		depth: integer('depth').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.areaId, t.ancestorId] }),
		index('area_closure_ancestor_idx').on(t.ancestorId, t.areaId)
	]
);

/**
 * Amounts per (area, model, local day), each entry counted once per key it belongs to: the areas
 * containing its class's school or its household's neighbourhood (0 = everywhere), crossed with
 * those groups' models (0 = any model). Voids subtract.
 */
export const impactDay = sqliteTable(
	'impact_day',
	{
		areaId: integer('area_id').notNull(),
		modelId: integer('model_id').notNull(),
		day: text('day').notNull(),
		points: integer('points').notNull().default(0),
		gramsAvoided: integer('grams_avoided').notNull().default(0),
		gramsCollected: integer('grams_collected').notNull().default(0),
		/** Single-use items avoided: action counts and pledge check-in items. */
		itemsAvoided: integer('items_avoided').notNull().default(0),
		actions: integer('actions').notNull().default(0),
		checkins: integer('checkins').notNull().default(0),
		pledgesKept: integer('pledges_kept').notNull().default(0),
		dropOffs: integer('drop_offs').notNull().default(0),
		entries: integer('entries').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.areaId, t.modelId, t.day] })]
);

/** Grams collected and drop-offs per material, with the same keys as `impact_day`. */
export const impactMaterialDay = sqliteTable(
	'impact_material_day',
	{
		areaId: integer('area_id').notNull(),
		modelId: integer('model_id').notNull(),
		day: text('day').notNull(),
		material: text('material').notNull(),
		grams: integer('grams').notNull().default(0),
		dropOffs: integer('drop_offs').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.areaId, t.modelId, t.day, t.material] })]
);

export const IMPACT_MEMBER_KINDS = ['student', 'household', 'class', 'school', 'pledge'] as const;
export type ImpactMemberKind = (typeof IMPACT_MEMBER_KINDS)[number];
/** Buckets of `impact_member`: a local day, a week (its Monday) or a month (`YYYY-MM`). */
export const IMPACT_GRAINS = ['day', 'week', 'month'] as const;

/**
 * Who took part, for exact distinct counts over any period: one row per member, place (the leaf
 * area and model of the class's school or the household's neighbourhood) and active day, week and
 * month, each with the member's last active day before that bucket (`prev_day`, '' when none).
 * The members active in [a, b] are the rows of day and month buckets that tile [a, b] whose
 * `prev_day` is before a: exactly one per member. A void does not undo taking part (as with board
 * members).
 */
export const impactMember = sqliteTable(
	'impact_member',
	{
		kind: text('kind', { enum: IMPACT_MEMBER_KINDS }).notNull(),
		areaId: integer('area_id').notNull(),
		modelId: integer('model_id').notNull(),
		memberId: integer('member_id').notNull(),
		grain: text('grain', { enum: IMPACT_GRAINS }).notNull(),
		bucket: text('bucket').notNull(),
		prevDay: text('prev_day').notNull().default('')
	},
	(t) => [
		primaryKey({ columns: [t.kind, t.areaId, t.modelId, t.memberId, t.grain, t.bucket] }),
		index('impact_member_count_idx').on(t.kind, t.areaId, t.modelId, t.grain, t.bucket, t.prevDay)
	]
);

/** How many members each place has in each bucket (kept by a trigger on `impact_member` inserts). */
export const impactActive = sqliteTable(
	'impact_active',
	{
		kind: text('kind', { enum: IMPACT_MEMBER_KINDS }).notNull(),
		areaId: integer('area_id').notNull(),
		modelId: integer('model_id').notNull(),
		grain: text('grain', { enum: IMPACT_GRAINS }).notNull(),
		bucket: text('bucket').notNull(),
		members: integer('members').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.kind, t.areaId, t.modelId, t.grain, t.bucket] })]
);
