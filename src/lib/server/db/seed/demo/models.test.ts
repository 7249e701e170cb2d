import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../../../tests/helpers/db';
import { communityModel, pledge } from '../../schema';
import { modelPage } from '$lib/server/impact/model-page';
import { seedDemoStructure } from './structure';
import { seedPlaygroundDemo } from './playground';
import { seedModelsDemo } from './models';

const t = await createTestDb();

describe('community models demo', () => {
	it(
		'brings every one of the 12 models to life, with places, weeks of history and a story',
		{ timeout: 180_000 },
		async () => {
			const ctx = await seedDemoStructure(t.db, new Date('2026-11-28T05:00:00Z'));
			await seedPlaygroundDemo(t.db, ctx);
			await seedModelsDemo(t.db, ctx);

			const models = await t.db.select().from(communityModel);
			expect(models).toHaveLength(12);
			for (const m of models) {
				const page = (await modelPage(t.db, m.id, ctx.today))!;
				const activity = page.sums.entries;
				const places =
					page.places.schools.length + page.places.neighbourhoods.length + page.places.points.length;
				expect({
					code: m.code,
					places: places > 0,
					active: activity > 0,
					story: m.workedVi.length > 20
				}).toEqual({
					code: m.code,
					places: true,
					active: true,
					story: true
				});
				// Never an individual on a public page: no nickname of anyone appears in it.
				expect(JSON.stringify(page)).not.toMatch(/Bông Sen Nhỏ|Phạm Minh|Học sinh /);
			}
			const byCode = (code: string) => models.find((m) => m.code === code)!.id;

			const homes = (await modelPage(t.db, byCode('green-homes-54'), ctx.today))!;
			expect(homes.places.neighbourhoods[0].households).toBe(54);
			expect(homes.people.households).toBeGreaterThan(40);
			const [{ n }] = await t.db
				.select({ n: sql<number>`count(*)` })
				.from(pledge)
				.where(sql`${pledge.householdId} IS NOT NULL`);
			expect(Number(n)).toBeGreaterThanOrEqual(54);

			// A market in Cẩm Lệ finds the Chợ Hàn model first among the models like it.
			const camLe = (await modelPage(t.db, byCode('cam-le-markets'), ctx.today))!;
			expect(camLe.alike[0].id).toBe(byCode('han-market'));
			expect(camLe.challenges.length).toBeGreaterThan(0);
			// The pagoda and the happy shop collect plastic; the shop's feeds the women's club's workshop.
			for (const code of ['dinh-quan-pagoda', 'happy-shop']) {
				const page = (await modelPage(t.db, byCode(code), ctx.today))!;
				expect(page.sums.gramsCollected, code).toBeGreaterThan(5000);
				expect(page.playgrounds.length, code).toBe(1);
			}
			const [shop] = await t.db.select().from(communityModel).where(eq(communityModel.code, 'happy-shop'));
			expect(shop.supportVi).toContain('Ban Quản lý chợ Hội An');
		}
	);
});
