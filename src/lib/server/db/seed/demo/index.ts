import { count, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../client';
import { user } from '../../schema';
import { hashPassword } from '$lib/server/auth/password';
import { DEMO_PASSWORD, seedDemoStructure, type DemoContext } from './structure';
import { seedBoardsDemo } from './boards';
import { seedPlaygroundDemo } from './playground';
import { seedPledgesDemo } from './pledges';
import { seedActionsDemo } from './actions';
import { seedTrustDemo } from './trust';
import { seedModelsDemo } from './models';
import { seedDailyDemo } from './daily';

export type { DemoContext } from './structure';

/**
 * A domain's demo history: runs once, on a brand-new database, after the structure exists, inside
 * the demo's one transaction (a seeder's own `transaction()` becomes a savepoint).
 */
export type DemoSeeder = (db: DbOrTx, ctx: DemoContext) => Promise<void>;

/** Each domain adds its seeder here, in dependency order. */
const SEEDERS: DemoSeeder[] = [
	seedBoardsDemo,
	seedPlaygroundDemo,
	seedPledgesDemo,
	seedActionsDemo,
	seedTrustDemo,
	seedModelsDemo,
	seedDailyDemo
];

/**
 * Demo data is on by default in development, off with NODE_ENV=production unless DEMO_DATA=on
 * (no known passwords in a real deployment); DEMO_DATA=off always turns it off.
 */
export function demoEnabled(demoData: string | undefined, nodeEnv: string | undefined): boolean {
	if (demoData === 'off') return false;
	if (demoData === 'on') return true;
	return nodeEnv !== 'production';
}

/**
 * Seeds the demo on a database with no users yet, all of it in one transaction: a crash part-way
 * leaves no user behind, so the next start seeds it again from the beginning. Returns whether it did.
 */
export async function seedDemoData(db: Db, now = new Date(), onStart?: () => void): Promise<boolean> {
	if (await hasUsers(db)) return false;
	onStart?.();
	// Hashing is slow: done before the write transaction opens.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	return db.transaction(async (tx) => {
		// Checked again inside the write: another instance may have seeded while we hashed.
		if (await hasUsers(tx)) return false;
		const ctx = await seedDemoStructure(tx, now, passwordHash);
		for (const seed of SEEDERS) await seed(tx, ctx);
		return true;
	});
}

async function hasUsers(db: DbOrTx): Promise<boolean> {
	const [{ n }] = await db.select({ n: count() }).from(user);
	return n > 0;
}

/** Whether the demo accounts exist (so start-up can tell a newcomer how to sign in). */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
	const [row] = await db.select({ id: user.id }).from(user).where(eq(user.isDemo, true)).limit(1);
	return !!row;
}
