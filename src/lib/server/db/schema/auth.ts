import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../domain/roles';
import { LOCALES } from '../../../i18n/locales';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/**
 * A person. Adults sign in with their email (stored lower-case in `username` too); students with a
 * generated or chosen username and no email. `displayName` is the real name, shown only to the
 * person, their teachers and linked guardians; `nickname` is what every shared surface shows.
 */
export const user = sqliteTable('user', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	username: text('username').notNull().unique(),
	email: text('email').unique(),
	displayName: text('display_name').notNull(),
	nickname: text('nickname').notNull(),
	passwordHash: text('password_hash').notNull(),
	locale: text('locale', { enum: LOCALES }).notNull().default('vi'),
	isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
	passwordChangedAt: integer('password_changed_at', { mode: 'timestamp_ms' })
});

export const userRole = sqliteTable(
	'user_role',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		grantedAt: integer('granted_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [primaryKey({ columns: [t.userId, t.role] })]
);

/** Lucia-guide session: the token is `${id}.${secret}`; only SHA-256(secret) is stored. */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastVerifiedAt: integer('last_verified_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/** Fixed-window counters for login throttling, shared by every app instance through the database. */
export const rateLimit = sqliteTable('rate_limit', {
	key: text('key').primaryKey(),
	count: integer('count').notNull(),
	windowStart: integer('window_start').notNull(),
	lockedUntil: integer('locked_until').notNull().default(0)
});
