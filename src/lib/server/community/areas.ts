import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { areaChains, rebuildAreaRollups } from '$lib/server/ledger/areas';
import { area, communityModel } from '$lib/server/db/schema';
import type { AreaInput, ModelInput } from '$lib/schemas/structure';
import type { AreaKind } from '$lib/domain/places';

export interface AreaNode {
	id: number;
	parentId: number | null;
	nameVi: string;
	nameEn: string;
	kind: AreaKind;
	depth: number;
}

/** The area tree flattened depth-first (parents before children), each row with its depth. */
export async function listAreaTree(db: DbOrTx): Promise<AreaNode[]> {
	const rows = await db
		.select({
			id: area.id,
			parentId: area.parentId,
			nameVi: area.nameVi,
			nameEn: area.nameEn,
			kind: area.kind
		})
		.from(area)
		.orderBy(asc(area.nameVi));
	const children = new Map<number | null, typeof rows>();
	for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
	const out: AreaNode[] = [];
	const seen = new Set<number>();
	const walk = (parent: number | null, depth: number) => {
		for (const r of children.get(parent) ?? []) {
			if (seen.has(r.id)) continue;
			seen.add(r.id);
			out.push({ ...r, depth });
			walk(r.id, depth + 1);
		}
	};
	walk(null, 0);
	return out;
}

type AreaResult =
	| { ok: true; id: number }
	| { ok: false; field: 'parentId'; error: 'structure.ref.unknown' | 'structure.area.cycle' };

/** Whether making `parentId` the parent of `id` would put the area under itself. */
async function wouldCycle(db: DbOrTx, id: number, parentId: number): Promise<boolean> {
	let cursor: number | null = parentId;
	for (let hops = 0; cursor !== null && hops < 100; hops++) {
		if (cursor === id) return true;
		const [row] = await db.select({ parentId: area.parentId }).from(area).where(eq(area.id, cursor));
		cursor = row?.parentId ?? null;
	}
	return false;
}

/**
 * Creates or edits an area. Moving an area under another parent moves everything below it, so
 * the per-area board rows of its classes, schools and neighbourhoods are rebuilt in the same
 * transaction: area boards always follow today's tree.
 */
export async function saveArea(db: DbOrTx, input: AreaInput, id?: number): Promise<AreaResult> {
	return db.transaction(async (tx): Promise<AreaResult> => {
		if (input.parentId) {
			const [p] = await tx.select({ id: area.id }).from(area).where(eq(area.id, input.parentId));
			if (!p) return { ok: false, field: 'parentId', error: 'structure.ref.unknown' };
			if (id && (await wouldCycle(tx, id, input.parentId)))
				return { ok: false, field: 'parentId', error: 'structure.area.cycle' };
		}
		if (id) {
			const [before] = await tx.select({ parentId: area.parentId }).from(area).where(eq(area.id, id));
			// An empty parent field leaves the parent as it is (see the form).
			const moved = !!before && input.parentId !== undefined && before.parentId !== input.parentId;
			const former = moved ? ((await areaChains(tx, [id])).get(id) ?? []).slice(1) : [];
			await tx.update(area).set(input).where(eq(area.id, id));
			if (moved) await rebuildAreaRollups(tx, id, former);
			return { ok: true, id };
		}
		const [row] = await tx.insert(area).values(input).returning({ id: area.id });
		return { ok: true, id: row.id };
	});
}

export async function areaExists(db: DbOrTx, id: number): Promise<boolean> {
	const [row] = await db.select({ id: area.id }).from(area).where(eq(area.id, id));
	return !!row;
}

/** Every community model with its area, in the order they were made (the 12 LSPP ones first). */
export async function listModels(db: DbOrTx) {
	return db
		.select({
			id: communityModel.id,
			code: communityModel.code,
			nameVi: communityModel.nameVi,
			nameEn: communityModel.nameEn,
			areaId: communityModel.areaId,
			areaVi: area.nameVi,
			areaEn: area.nameEn,
			hostKind: communityModel.hostKind,
			hostName: communityModel.hostName,
			kind: communityModel.kind,
			descriptionVi: communityModel.descriptionVi,
			descriptionEn: communityModel.descriptionEn
		})
		.from(communityModel)
		.innerJoin(area, eq(area.id, communityModel.areaId))
		.orderBy(asc(communityModel.id));
}

export async function saveModel(
	db: DbOrTx,
	input: ModelInput,
	id?: number
): Promise<{ ok: true; id: number } | { ok: false; field: 'areaId'; error: 'structure.ref.unknown' }> {
	if (!(await areaExists(db, input.areaId)))
		return { ok: false, field: 'areaId', error: 'structure.ref.unknown' };
	if (id) {
		await db.update(communityModel).set(input).where(eq(communityModel.id, id));
		return { ok: true, id };
	}
	const [row] = await db.insert(communityModel).values(input).returning({ id: communityModel.id });
	return { ok: true, id: row.id };
}
