import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { action, area, communityModel, impactFactor } from '../schema';
import { ACTIONS, IMPACT_FACTORS } from './reference-data';
import { AREAS, COMMUNITY_MODELS } from './reference-places';

/**
 * Inserts the reference data that is missing (areas, the 12 LSPP models, impact factors, default
 * actions), keyed by code. Safe at every start: rows that exist, edited or not, are left alone.
 */
export async function seedReferenceData(db: Db): Promise<void> {
	await db.transaction(async (tx) => {
		for (const a of AREAS) {
			const parentId = a.parent
				? (await tx.select({ id: area.id }).from(area).where(eq(area.code, a.parent)))[0]?.id
				: null;
			await tx
				.insert(area)
				.values({ code: a.code, parentId, nameVi: a.nameVi, nameEn: a.nameEn, kind: a.kind })
				.onConflictDoNothing({ target: area.code });
		}
		const areaRows = await tx
			.select({ id: area.id, code: area.code })
			.from(area)
			.where(
				inArray(
					area.code,
					AREAS.map((a) => a.code)
				)
			);
		const areaId = new Map(areaRows.map((r) => [r.code, r.id]));
		await tx
			.insert(communityModel)
			.values(COMMUNITY_MODELS.map(({ area: code, ...m }) => ({ ...m, areaId: areaId.get(code)! })))
			.onConflictDoNothing({ target: communityModel.code });

		await tx
			.insert(impactFactor)
			.values(IMPACT_FACTORS.map((f) => ({ ...f })))
			.onConflictDoNothing({ target: impactFactor.code });
		const factorRows = await tx.select({ id: impactFactor.id, code: impactFactor.code }).from(impactFactor);
		const factorId = new Map(factorRows.map((r) => [r.code, r.id]));
		await tx
			.insert(action)
			.values(ACTIONS.map(({ factor, ...a }) => ({ ...a, impactFactorId: factorId.get(factor)! })))
			.onConflictDoNothing({ target: action.code });
	});
}
