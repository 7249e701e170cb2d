import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import {
	makeArea,
	makeClass,
	makeHousehold,
	makeNeighbourhood,
	makeSchool,
	makeUser
} from '../../../../tests/helpers/factories';
import { makePlaygroundWorld } from '../../../../tests/helpers/playground-factories';
import { householdMember } from '$lib/server/db/schema';
import { relationToArea, relationToChild, relationToHousehold, relationToPoint } from './relations';

const t = await createTestDb();
const as = (u: { id: number }, roles: string[] = []) => ({ id: u.id, roles });

describe('relations', () => {
	it('to an area: through a class’s school, a household or a stewarded neighbourhood, at any depth', async () => {
		const province = await makeArea(t.db);
		const ward = await makeArea(t.db, { parentId: province.id });
		const otherWard = await makeArea(t.db, { parentId: province.id });
		const kid = await makeUser(t.db, { roles: ['student'] });
		await makeClass(t.db, {
			schoolId: (await makeSchool(t.db, { areaId: ward.id })).id,
			studentIds: [kid.id]
		});
		const adult = await makeUser(t.db, { roles: ['household'] });
		await makeHousehold(t.db, {
			neighbourhoodId: (await makeNeighbourhood(t.db, { areaId: otherWard.id })).id,
			adultIds: [adult.id]
		});
		const steward = await makeUser(t.db, { roles: ['steward'] });
		await makeNeighbourhood(t.db, { areaId: otherWard.id, stewardIds: [steward.id] });
		const nobody = await makeUser(t.db);
		expect(await relationToArea(t.db, as(kid), ward.id)).toBe('member');
		expect(await relationToArea(t.db, as(kid), province.id)).toBe('member');
		expect(await relationToArea(t.db, as(kid), otherWard.id)).toBeNull();
		expect(await relationToArea(t.db, as(adult), otherWard.id)).toBe('member');
		expect(await relationToArea(t.db, as(adult), ward.id)).toBeNull();
		expect(await relationToArea(t.db, as(steward, ['steward']), province.id)).toBe('member');
		expect(await relationToArea(t.db, as(nobody), province.id)).toBeNull();
		expect(await relationToArea(t.db, as(nobody, ['organiser']), ward.id)).toBe('organiser');
	});

	it('to a point, a child and a household: a pending request is no relation', async () => {
		const w = await makePlaygroundWorld(t.db);
		expect(await relationToPoint(t.db, as(w.steward), w.point.id)).toBe('steward');
		expect(await relationToPoint(t.db, as(w.otherSteward), w.point.id)).toBeNull();
		expect(await relationToChild(t.db, w.teacher.id, w.student.id)).toBe('teacher');
		expect(await relationToChild(t.db, w.parent.id, w.student.id)).toBeNull();
		expect(await relationToChild(t.db, w.student.id, w.student.id)).toBe('self');
		const asking = await makeUser(t.db, { roles: ['household'] });
		await t.db
			.insert(householdMember)
			.values({ householdId: w.household.id, userId: asking.id, kind: 'adult', status: 'pending' });
		expect(await relationToHousehold(t.db, as(asking), w.household.id)).toBeNull();
		expect(await relationToHousehold(t.db, as(w.parent), w.household.id)).toBe('adult');
		expect(await relationToHousehold(t.db, as(w.student), w.household.id)).toBe('student');
	});
});
