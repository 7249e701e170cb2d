import type { Db } from '../../src/lib/server/db/client';
import { communityModel } from '../../src/lib/server/db/schema';
import { createPlayground, addComponent } from '../../src/lib/server/playground/playgrounds';
import { addSteward, createCollectionPoint } from '../../src/lib/server/playground/points';
import { makeArea, makeStudentWorld, makeUser } from './factories';

/**
 * A collecting playground with two components (a PET bench by weight, an ecobrick fence by items),
 * two collection points each with its own steward, and a student world (teacher, student, parent,
 * class, household) to bring plastic.
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
	return { playground: pg, bench, fence, steward, otherSteward, point, otherPoint, ...world };
}
