import type { Db } from '../../src/lib/server/db/client';
import { recordContributionSchema } from '../../src/lib/schemas/playground';
import { communityModel } from '../../src/lib/server/db/schema';
import { createPlayground, addComponent } from '../../src/lib/server/playground/playgrounds';
import {
	addServedNeighbourhood,
	addSteward,
	createCollectionPoint
} from '../../src/lib/server/playground/points';
import { ensureCard } from '../../src/lib/server/people/cards';
import { makeArea, makeStudentWorld, makeUser } from './factories';
import { freshKey } from './random';

/**
 * A collecting playground with two components (a PET bench by weight, an ecobrick fence by items),
 * two collection points each with its own steward, and a student world (teacher, student, parent,
 * class, household, with drop-off cards) to bring plastic.
 */
export async function makePlaygroundWorld(db: Db) {
	const [model] = await db.select({ id: communityModel.id }).from(communityModel).limit(1);
	const areaRow = await makeArea(db);
	const created = await createPlayground(
		db,
		{ modelId: model.id, areaId: areaRow.id, name: 'Sân chơi thử', description: '', state: 'collecting' },
		null
	);
	if (!created.ok) throw new Error(created.error);
	const pg = created.playground;
	const bench = await addComponent(db, pg.id, {
		name: 'Ghế',
		targetKg: 10,
		targetItems: undefined,
		materials: ['pet_bottles']
	});
	const fence = await addComponent(db, pg.id, {
		name: 'Hàng rào',
		targetKg: undefined,
		targetItems: 20,
		materials: ['ecobricks']
	});
	const steward = await makeUser(db, { roles: ['steward'] });
	const otherSteward = await makeUser(db, { roles: ['steward'] });
	const point = (await createCollectionPoint(db, pg.id, {
		name: 'Trường',
		kind: 'school',
		openingHours: 'T7 8–11h',
		address: ''
	}))!;
	const otherPoint = (await createCollectionPoint(db, pg.id, {
		name: 'Chùa',
		kind: 'pagoda',
		openingHours: 'CN',
		address: ''
	}))!;
	await addSteward(db, point.id, steward.username);
	await addSteward(db, otherPoint.id, otherSteward.username);
	const world = await makeStudentWorld(db);
	// The first point serves the world's neighbourhood (its steward finds them by name); both the
	// household and the student hold drop-off cards, which work at any point.
	await addServedNeighbourhood(db, point.id, world.household.neighbourhoodId);
	const cards = {
		household: await ensureCard(db, { householdId: world.household.id }),
		student: await ensureCard(db, { userId: world.student.id })
	};
	return { playground: pg, bench, fence, steward, otherSteward, point, otherPoint, cards, ...world };
}

/** A steward's drop-off form for the world's first point, parsed as the route parses it. */
export function recordInput(
	w: Awaited<ReturnType<typeof makePlaygroundWorld>>,
	fields: Record<string, string>
) {
	const parsed = recordContributionSchema.safeParse({
		pointId: String(w.point.id),
		playgroundId: String(w.playground.id),
		idempotencyKey: freshKey(),
		...fields
	});
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}
