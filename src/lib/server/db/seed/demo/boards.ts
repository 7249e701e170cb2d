import { eq } from 'drizzle-orm';
import { schoolClass } from '../../schema';
import type { DemoSeeder } from './index';

/**
 * Boards are derived from the ledger the other demo seeders fill; the only board setting is the
 * teacher's switch, turned on for 6A1 so a newcomer can see a student board (nicknames only).
 */
export const seedBoardsDemo: DemoSeeder = async (db, ctx) => {
	await db.update(schoolClass).set({ studentBoardEnabled: true }).where(eq(schoolClass.id, ctx.classIds[0]));
};
