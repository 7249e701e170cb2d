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

/**
 * Devices (browsers) a person has signed in on, by SHA-256 of the signed device cookie's id: on a
 * known device a person's sign-in is throttled per device, so strangers guessing the password
 * cannot lock the owner out (OWASP's device cookies).
 */
export const knownDevice = sqliteTable(
	'known_device',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		deviceHash: text('device_hash').notNull(),
		lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.deviceHash] })]
);

/** Secrets the app makes for itself on first start (the device-cookie signing key), shared by every instance. */
export const appSecret = sqliteTable('app_secret', {
	name: text('name').primaryKey(),
	value: blob('value', { mode: 'buffer' }).notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
});

/**
 * What a create or reset form did, by who sent it (`u:<user id>` or `d:<device hash>`), the form and
 * its idempotency key: the same submission again returns this result and writes nothing.
 * Written in the same transaction as the change; kept for a week.
 */
export const formReceipt = sqliteTable(
	'form_receipt',
	{
		actor: text('actor').notNull(),
		form: text('form').notNull(),
		key: text('key').notNull(),
		result: text('result').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		primaryKey({ columns: [t.actor, t.form, t.key] }),
		index('form_receipt_created_idx').on(t.createdAt)
	]
);
