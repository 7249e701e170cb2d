import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import { action, actionLog, impactFactor } from '$lib/server/db/schema';
import type { CatalogueActionInput } from '$lib/schemas/actions';

export type CatalogueAction = typeof action.$inferSelect & {
	factorVi: string;
	factorEn: string;
	grams: number;
	source: string;
	logs: number;
};

/** Every action, retired ones last, with its impact factor and how often it was logged. */
export async function listCatalogue(db: DbOrTx): Promise<CatalogueAction[]> {
	const rows = await db
		.select({
			a: action,
			factorVi: impactFactor.nameVi,
			factorEn: impactFactor.nameEn,
			grams: impactFactor.grams,
			source: impactFactor.source,
			logs: sql<number>`(select count(*) from ${actionLog} where ${actionLog.actionId} = ${action.id})`
		})
		.from(action)
		.innerJoin(impactFactor, eq(impactFactor.id, action.impactFactorId))
		.orderBy(asc(sql`${action.retiredAt} is not null`), asc(action.id));
	return rows.map((r) => ({
		...r.a,
		factorVi: r.factorVi,
		factorEn: r.factorEn,
		grams: r.grams,
		source: r.source,
		logs: Number(r.logs)
	}));
}

/** The active actions (not retired), for pickers. */
export async function activeActions(db: DbOrTx) {
	return db
		.select({ id: action.id, nameVi: action.nameVi, nameEn: action.nameEn, points: action.points })
		.from(action)
		.where(sql`${action.retiredAt} is null`)
		.orderBy(asc(action.id));
}

export async function listImpactFactors(db: DbOrTx) {
	return db.select().from(impactFactor).orderBy(asc(impactFactor.id));
}

export async function getCatalogueAction(db: DbOrTx, id: number) {
	const [row] = await db.select().from(action).where(eq(action.id, id));
	return row ?? null;
}

async function factorExists(db: DbOrTx, id: number) {
	const [row] = await db.select({ id: impactFactor.id }).from(impactFactor).where(eq(impactFactor.id, id));
	return !!row;
}

type SaveResult =
	{ ok: true; id: number } | { ok: false; error: 'catalogue.factor.unknown' | 'catalogue.notFound' };

/** Adds an action to the catalogue. */
export async function createCatalogueAction(db: DbOrTx, input: CatalogueActionInput): Promise<SaveResult> {
	if (!(await factorExists(db, input.impactFactorId)))
		return { ok: false, error: 'catalogue.factor.unknown' };
	const [row] = await db.insert(action).values(input).returning({ id: action.id });
	return { ok: true, id: row.id };
}

/**
 * Edits an action. New points and caps apply to future logs only: past ledger entries keep the
 * points they were written with.
 */
export async function updateCatalogueAction(
	db: DbOrTx,
	id: number,
	input: CatalogueActionInput
): Promise<SaveResult> {
	if (!(await getCatalogueAction(db, id))) return { ok: false, error: 'catalogue.notFound' };
	if (!(await factorExists(db, input.impactFactorId)))
		return { ok: false, error: 'catalogue.factor.unknown' };
	await db.update(action).set(input).where(eq(action.id, id));
	return { ok: true, id };
}

/** Retires (or brings back) an action; its history stays, it just cannot be logged while retired. */
export async function setActionRetired(
	db: DbOrTx,
	id: number,
	retired: boolean,
	now = new Date()
): Promise<boolean> {
	const rows = await db
		.update(action)
		.set({ retiredAt: retired ? now : null })
		.where(eq(action.id, id))
		.returning({ id: action.id });
	return rows.length > 0;
}
