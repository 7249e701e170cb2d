import { sql } from 'drizzle-orm';
import {
	type AnySQLiteColumn,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import {
	AREA_KINDS,
	HOST_KINDS,
	HOUSEHOLD_KINDS,
	MODEL_KINDS,
	NEIGHBOURHOOD_KINDS
} from '../../../domain/places';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now);

/** A place in a tree of any depth (province/city → ward/commune, with districts where they exist). */
export const area = sqliteTable(
	'area',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').unique(),
		parentId: integer('parent_id').references((): AnySQLiteColumn => area.id),
		nameVi: text('name_vi').notNull(),
		nameEn: text('name_en').notNull(),
		kind: text('kind', { enum: AREA_KINDS }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('area_parent_idx').on(t.parentId)]
);

export const communityModel = sqliteTable('community_model', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	code: text('code').unique(),
	nameVi: text('name_vi').notNull(),
	nameEn: text('name_en').notNull(),
	areaId: integer('area_id')
		.notNull()
		.references(() => area.id),
	hostKind: text('host_kind', { enum: HOST_KINDS }).notNull(),
	hostName: text('host_name').notNull().default(''),
	kind: text('kind', { enum: MODEL_KINDS }).notNull(),
	descriptionVi: text('description_vi').notNull().default(''),
	descriptionEn: text('description_en').notNull().default(''),
	// What the model shares with others on its public page, written by an organiser.
	workedVi: text('worked_vi').notNull().default(''),
	workedEn: text('worked_en').notNull().default(''),
	hardVi: text('hard_vi').notNull().default(''),
	hardEn: text('hard_en').notNull().default(''),
	supportVi: text('support_vi').notNull().default(''),
	supportEn: text('support_en').notNull().default(''),
	/** Who to ask about the model (an adult's name, phone or e-mail: shown publicly on purpose). */
	contact: text('contact').notNull().default(''),
	storyUpdatedAt: integer('story_updated_at', { mode: 'timestamp_ms' }),
	createdAt: createdAt()
});

export const school = sqliteTable(
	'school',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull(),
		areaId: integer('area_id')
			.notNull()
			.references(() => area.id),
		modelId: integer('model_id').references(() => communityModel.id),
		createdAt: createdAt()
	},
	(t) => [index('school_area_idx').on(t.areaId)]
);

export const schoolTeacher = sqliteTable(
	'school_teacher',
	{
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		joinedAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.schoolId, t.userId] }), index('school_teacher_user_idx').on(t.userId)]
);

/** One-use, expiring invitation for a teacher to join a school. */
export const schoolInvite = sqliteTable('school_invite', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	schoolId: integer('school_id')
		.notNull()
		.references(() => school.id),
	code: text('code').notNull().unique(),
	createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
	createdAt: createdAt(),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	usedBy: integer('used_by').references(() => user.id, { onDelete: 'set null' }),
	usedAt: integer('used_at', { mode: 'timestamp_ms' })
});

export const schoolClass = sqliteTable(
	'class',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id),
		name: text('name').notNull(),
		grade: integer('grade').notNull(),
		schoolYear: text('school_year').notNull(),
		joinCode: text('join_code').unique(),
		studentBoardEnabled: integer('student_board_enabled', { mode: 'boolean' }).notNull().default(false),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('class_school_idx').on(t.schoolId)]
);

export const classTeacher = sqliteTable(
	'class_teacher',
	{
		classId: integer('class_id')
			.notNull()
			.references(() => schoolClass.id),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		addedAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.classId, t.userId] }), index('class_teacher_user_idx').on(t.userId)]
);

/** A student belongs to at most one class (unique user_id). */
export const classStudent = sqliteTable(
	'class_student',
	{
		classId: integer('class_id')
			.notNull()
			.references(() => schoolClass.id),
		userId: integer('user_id')
			.notNull()
			.unique()
			.references(() => user.id, { onDelete: 'cascade' }),
		joinedAt: createdAt()
	},
	(t) => [index('class_student_class_idx').on(t.classId)]
);

export const neighbourhood = sqliteTable(
	'neighbourhood',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull(),
		areaId: integer('area_id')
			.notNull()
			.references(() => area.id),
		kind: text('kind', { enum: NEIGHBOURHOOD_KINDS }).notNull(),
		modelId: integer('model_id').references(() => communityModel.id),
		createdAt: createdAt()
	},
	(t) => [index('neighbourhood_area_idx').on(t.areaId)]
);

export const neighbourhoodSteward = sqliteTable(
	'neighbourhood_steward',
	{
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhood.id),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.neighbourhoodId, t.userId] }),
		index('neighbourhood_steward_user_idx').on(t.userId)
	]
);

export const household = sqliteTable(
	'household',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhood.id),
		displayName: text('display_name').notNull(),
		kind: text('kind', { enum: HOUSEHOLD_KINDS }).notNull(),
		inviteCode: text('invite_code').unique(),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('household_neighbourhood_idx').on(t.neighbourhoodId)]
);

/** A person belongs to at most one household; a student's link waits for an adult's approval. */
export const householdMember = sqliteTable(
	'household_member',
	{
		householdId: integer('household_id')
			.notNull()
			.references(() => household.id),
		userId: integer('user_id')
			.notNull()
			.unique()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['adult', 'student'] }).notNull(),
		status: text('status', { enum: ['active', 'pending'] })
			.notNull()
			.default('active'),
		approvedBy: integer('approved_by').references(() => user.id, { onDelete: 'set null' }),
		joinedAt: createdAt()
	},
	(t) => [index('household_member_household_idx').on(t.householdId)]
);

export const consentRecord = sqliteTable('consent_record', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	classId: integer('class_id')
		.notNull()
		.references(() => schoolClass.id),
	recordedBy: integer('recorded_by').references(() => user.id, { onDelete: 'set null' }),
	collectedOn: text('collected_on').notNull(),
	note: text('note').notNull().default(''),
	createdAt: createdAt()
});

/** Who reset which student's password and when (the student id is nulled if they are erased). */
export const passwordResetLog = sqliteTable('password_reset_log', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	studentId: integer('student_id').references(() => user.id, { onDelete: 'set null' }),
	classId: integer('class_id').references(() => schoolClass.id),
	resetBy: integer('reset_by').references(() => user.id, { onDelete: 'set null' }),
	createdAt: createdAt()
});

/**
 * One roster import: written before the (slow) password hashing starts so the page can poll its
 * progress, and unique per (teacher, key) so a double submit makes the accounts only once. The
 * generated passwords are never stored: they are shown once, in the response that made them.
 */
export const rosterImport = sqliteTable(
	'roster_import',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		classId: integer('class_id')
			.notNull()
			.references(() => schoolClass.id),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		importKey: text('import_key').notNull(),
		total: integer('total').notNull(),
		done: integer('done').notNull().default(0),
		status: text('status', { enum: ['running', 'finished', 'failed'] })
			.notNull()
			.default('running'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('roster_import_key_idx').on(t.createdBy, t.importKey)]
);
