import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	area,
	communityModel,
	household,
	playground,
	playgroundComponent,
	school,
	schoolClass
} from '$lib/server/db/schema';
import type { ComponentInput, PlaygroundInput } from '$lib/schemas/playground';
import { adultHouseholdOf, openClassesTaughtBy } from '$lib/server/access/membership';
import { kgToGrams, parseMaterials, type Material, type PlaygroundState } from '$lib/utils/playground';

type PlaygroundRow = typeof playground.$inferSelect;
export type ComponentRow = typeof playgroundComponent.$inferSelect;

/** A playground's own columns with its model's and area's names. */
function playgroundsWithNames(db: DbOrTx) {
	return db
		.select({
			id: playground.id,
			name: playground.name,
			description: playground.description,
			state: playground.state,
			modelId: playground.modelId,
			areaId: playground.areaId,
			modelNameVi: communityModel.nameVi,
			modelNameEn: communityModel.nameEn,
			areaNameVi: area.nameVi,
			areaNameEn: area.nameEn
		})
		.from(playground)
		.innerJoin(communityModel, eq(communityModel.id, playground.modelId))
		.innerJoin(area, eq(area.id, playground.areaId));
}

/** Every playground, newest first, with its model and area names. */
export async function listPlaygrounds(db: DbOrTx) {
	return playgroundsWithNames(db).orderBy(desc(playground.id));
}

export async function getPlayground(db: DbOrTx, id: number) {
	const [row] = await playgroundsWithNames(db).where(eq(playground.id, id));
	return row ?? null;
}

export type CreatePlaygroundResult =
	| { ok: true; playground: PlaygroundRow }
	| { ok: false; error: 'playground.error.unknownModel' | 'playground.error.unknownArea' };

/** Creates a playground under a community model and an area. */
export async function createPlayground(
	db: DbOrTx,
	input: PlaygroundInput,
	createdBy: number | null
): Promise<CreatePlaygroundResult> {
	const [m] = await db
		.select({ id: communityModel.id })
		.from(communityModel)
		.where(eq(communityModel.id, input.modelId));
	if (!m) return { ok: false, error: 'playground.error.unknownModel' };
	const [a] = await db.select({ id: area.id }).from(area).where(eq(area.id, input.areaId));
	if (!a) return { ok: false, error: 'playground.error.unknownArea' };
	const [row] = await db
		.insert(playground)
		.values({
			modelId: input.modelId,
			areaId: input.areaId,
			name: input.name,
			description: input.description,
			state: input.state,
			createdBy
		})
		.returning();
	return { ok: true, playground: row };
}

export async function setPlaygroundState(db: DbOrTx, id: number, state: PlaygroundState): Promise<boolean> {
	const rows = await db
		.update(playground)
		.set({ state })
		.where(eq(playground.id, id))
		.returning({ id: playground.id });
	return rows.length > 0;
}

/** Adds a component with its target (kg are stored as grams) at the end of the list. */
export async function addComponent(
	db: DbOrTx,
	playgroundId: number,
	input: ComponentInput
): Promise<ComponentRow> {
	const existing = await listComponents(db, playgroundId);
	const [row] = await db
		.insert(playgroundComponent)
		.values({
			playgroundId,
			name: input.name,
			materials: input.materials.join(','),
			targetGrams: input.targetKg === undefined ? null : kgToGrams(input.targetKg),
			targetItems: input.targetItems ?? null,
			position: existing.length
		})
		.returning();
	return row;
}

export async function listComponents(db: DbOrTx, playgroundId: number) {
	const rows = await db
		.select({
			id: playgroundComponent.id,
			name: playgroundComponent.name,
			materials: playgroundComponent.materials,
			targetGrams: playgroundComponent.targetGrams,
			targetItems: playgroundComponent.targetItems,
			adoptedByClassId: playgroundComponent.adoptedByClassId,
			adoptedByHouseholdId: playgroundComponent.adoptedByHouseholdId,
			className: schoolClass.name,
			schoolName: school.name,
			householdName: household.displayName
		})
		.from(playgroundComponent)
		.leftJoin(schoolClass, eq(schoolClass.id, playgroundComponent.adoptedByClassId))
		.leftJoin(school, eq(school.id, schoolClass.schoolId))
		.leftJoin(household, eq(household.id, playgroundComponent.adoptedByHouseholdId))
		.where(eq(playgroundComponent.playgroundId, playgroundId))
		.orderBy(asc(playgroundComponent.position), asc(playgroundComponent.id));
	return rows.map((r) => ({ ...r, materialList: parseMaterials(r.materials) as Material[] }));
}

/** A component, only when it belongs to the given playground (another playground's is "unknown"). */
export async function componentOf(
	db: DbOrTx,
	playgroundId: number,
	componentId: number
): Promise<ComponentRow | null> {
	const [row] = await db
		.select()
		.from(playgroundComponent)
		.where(and(eq(playgroundComponent.id, componentId), eq(playgroundComponent.playgroundId, playgroundId)));
	return row ?? null;
}

/** What a user may adopt a component for: the classes they teach and the household they are an adult of. */
export async function adoptionOptions(db: DbOrTx, userId: number) {
	const classes = (await openClassesTaughtBy(db, userId)).sort((a, b) => a.name.localeCompare(b.name));
	const adult = await adultHouseholdOf(db, userId);
	const households = adult
		? await db
				.select({ id: household.id, name: household.displayName })
				.from(household)
				.where(eq(household.id, adult.householdId))
		: [];
	return { classes, households };
}

export type AdoptResult =
	| { ok: true }
	| {
			ok: false;
			status: 403 | 404 | 409;
			error: 'playground.adopt.notAllowed' | 'playground.adopt.unknownComponent' | 'playground.adopt.taken';
	  };

/**
 * A teacher adopts a component for one of their classes, or an adult for their household. One
 * adopter per component; the conditional update makes two simultaneous adoptions safe.
 */
export async function adoptComponent(
	db: DbOrTx,
	userId: number,
	input: { playgroundId: number; componentId: number; adopter: string }
): Promise<AdoptResult> {
	const comp = await componentOf(db, input.playgroundId, input.componentId);
	if (!comp) return { ok: false, status: 404, error: 'playground.adopt.unknownComponent' };
	const [kind, rawId] = input.adopter.split(':');
	const id = Number(rawId);
	const options = await adoptionOptions(db, userId);
	const allowed =
		kind === 'c' ? options.classes.some((c) => c.id === id) : options.households.some((h) => h.id === id);
	if (!allowed) return { ok: false, status: 403, error: 'playground.adopt.notAllowed' };
	const updated = await db
		.update(playgroundComponent)
		.set({
			adoptedByClassId: kind === 'c' ? id : null,
			adoptedByHouseholdId: kind === 'h' ? id : null,
			adoptedAt: new Date()
		})
		.where(
			and(
				eq(playgroundComponent.id, comp.id),
				isNull(playgroundComponent.adoptedByClassId),
				isNull(playgroundComponent.adoptedByHouseholdId)
			)
		)
		.returning({ id: playgroundComponent.id });
	if (updated.length === 0) return { ok: false, status: 409, error: 'playground.adopt.taken' };
	return { ok: true };
}

/** Community models and areas an organiser can put a playground under. */
export async function playgroundFormOptions(db: DbOrTx) {
	const models = await db
		.select({
			id: communityModel.id,
			nameVi: communityModel.nameVi,
			nameEn: communityModel.nameEn,
			kind: communityModel.kind,
			areaId: communityModel.areaId
		})
		.from(communityModel)
		.orderBy(asc(communityModel.id));
	const areas = await db
		.select({ id: area.id, nameVi: area.nameVi, nameEn: area.nameEn })
		.from(area)
		.orderBy(asc(area.id));
	return { models, areas };
}
