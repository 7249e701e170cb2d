import { count, eq } from 'drizzle-orm';
import type { Db } from '../../client';
import { user } from '../../schema';
import { seedDemoStructure, type DemoContext } from './structure';
import { seedBoardsDemo } from './boards';
import { seedPlaygroundDemo } from './playground';
import { seedPledgesDemo } from './pledges';
import { seedActionsDemo } from './actions';
import { seedTrustDemo } from './trust';

export type { DemoContext } from './structure';

/** A domain's demo history: runs once, on a brand-new database, after the structure exists. */
export type DemoSeeder = (db: Db, ctx: DemoContext) => Promise<void>;

/** Each domain adds its seeder here, in dependency order. */
const SEEDERS: DemoSeeder[] = [
	seedBoardsDemo,
	seedPlaygroundDemo,
	seedPledgesDemo,
	seedActionsDemo,
	seedTrustDemo
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

/** Seeds the demo on a database with no users yet; returns whether it did. */
export async function seedDemoData(db: Db, now = new Date()): Promise<boolean> {
	const [{ n }] = await db.select({ n: count() }).from(user);
	if (n > 0) return false;
	const ctx = await seedDemoStructure(db, now);
	for (const seed of SEEDERS) await seed(db, ctx);
	return true;
}

/** Whether the demo accounts exist (so start-up can tell a newcomer how to sign in). */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
	const [row] = await db.select({ id: user.id }).from(user).where(eq(user.isDemo, true)).limit(1);
	return !!row;
}
