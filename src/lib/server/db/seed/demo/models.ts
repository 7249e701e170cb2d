import type { DemoSeeder } from './index';
import { historyWriter } from './model-history';
import { seedHoiAnModels } from './models-hoi-an';
import { seedDaNangModels } from './models-da-nang';
import { seedHaNoiModels } from './models-ha-noi';
import { seedModelStories } from './models-stories';

/**
 * Brings the nine LSPP models that the other seeders leave as descriptions to life, each with its
 * own small structure and about four weeks of history written through the ledger, and writes what
 * all twelve share on their public pages. One transaction.
 */
export const seedModelsDemo: DemoSeeder = async (db, ctx) => {
	await db.transaction(async (tx) => {
		const w = await historyWriter(tx, ctx, 12_2026);
		await seedHoiAnModels(w, ctx);
		await seedDaNangModels(w, ctx);
		await seedHaNoiModels(tx, w, ctx);
		await w.finish();
		await seedModelStories(tx, ctx.now);
	});
};
