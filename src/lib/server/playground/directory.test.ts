import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeClass, makeHousehold, makeStudentWorld, makeUser } from '../../../../tests/helpers/factories';
import { makePlaygroundWorld } from '../../../../tests/helpers/playground-factories';
import { addServedNeighbourhood, addSteward, createCollectionPoint } from './points';
import { contributorDirectory } from './directory';

/** Both halves of a point's list, as the device puts them together (null when refused). */
async function wholeList(stewardId: number, pointId: number) {
	const households = await contributorDirectory(t.db, stewardId, pointId, 'households');
	const students = await contributorDirectory(t.db, stewardId, pointId, 'students');
	return households && students ? [...households, ...students] : null;
}

const t = await createTestDb();

describe("a steward's offline contributor list", () => {
	it('holds the households of the neighbourhoods the point serves and the students of its school or of those households', async () => {
		const w = await makePlaygroundWorld(t.db);
		const elsewhere = await makeStudentWorld(t.db);
		// A classmate of elsewhere's student who lives in this neighbourhood.
		const neighbour = await makeUser(t.db, { roles: ['student'] });
		await makeClass(t.db, { studentIds: [neighbour.id] });
		const home = await makeHousehold(t.db, {
			neighbourhoodId: w.household.neighbourhoodId,
			studentIds: [neighbour.id],
			name: 'Nhà Hàng Xóm'
		});
		const point = (await createCollectionPoint(t.db, w.playground.id, {
			name: 'Nhà văn hoá',
			kind: 'community_house',
			openingHours: 'CN',
			address: '',
			schoolId: w.school.id,
			neighbourhoodId: w.household.neighbourhoodId
		}))!;
		await addSteward(t.db, point.id, w.steward.username);

		const list = await wholeList(w.steward.id, point.id);
		// Each answer holds one kind: a child is never listed next to a household.
		const students = await contributorDirectory(t.db, w.steward.id, point.id, 'students');
		expect(students!.every((e) => e.pick.startsWith('u:'))).toBe(true);
		const picks = new Set(list!.map((e) => e.pick));
		expect(picks).toEqual(
			new Set([`h:${w.household.id}`, `h:${home.id}`, `u:${w.student.id}`, `u:${neighbour.id}`])
		);
		expect(picks.has(`h:${elsewhere.household.id}`)).toBe(false);
		expect(picks.has(`u:${elsewhere.student.id}`)).toBe(false);
		// A name and a class or neighbourhood only, never the login name.
		for (const e of list!) expect(e.label).not.toContain(w.student.username);

		// An organiser widens what the point serves: the list follows the access module's scope.
		await addServedNeighbourhood(t.db, point.id, elsewhere.household.neighbourhoodId);
		const wider = new Set((await wholeList(w.steward.id, point.id))!.map((e) => e.pick));
		expect(wider.has(`h:${elsewhere.household.id}`)).toBe(true);
		expect(wider.has(`u:${elsewhere.student.id}`)).toBe(true);
	});

	it('is refused to anyone who does not steward the point', async () => {
		const w = await makePlaygroundWorld(t.db);
		for (const kind of ['households', 'students'] as const) {
			expect(await contributorDirectory(t.db, w.otherSteward.id, w.point.id, kind)).toBeNull();
			expect(await contributorDirectory(t.db, w.student.id, w.point.id, kind)).toBeNull();
		}
	});
});
