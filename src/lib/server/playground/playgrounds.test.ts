import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeClass, makeHousehold, makeUser } from '../../../../tests/helpers/factories';
import { makePlaygroundWorld } from '../../../../tests/helpers/playground-factories';
import { playgroundComponent, userRole } from '$lib/server/db/schema';
import { adoptComponent } from './playgrounds';
import { addSteward, listStewardPoints, pointFeeds } from './points';
import { resolveContributor } from './contributors';
import { isPointSteward } from '$lib/server/access/stewards';

const t = await createTestDb();

describe('adoption', () => {
	it('a teacher adopts for their own class only, once', async () => {
		const w = await makePlaygroundWorld(t.db);
		const otherClass = await makeClass(t.db);
		expect(
			await adoptComponent(t.db, w.teacher.id, {
				playgroundId: w.playground.id,
				componentId: w.bench.id,
				adopter: `c:${otherClass.id}`
			})
		).toMatchObject({
			ok: false,
			status: 403
		});
		expect(
			await adoptComponent(t.db, w.teacher.id, {
				playgroundId: w.playground.id,
				componentId: w.bench.id,
				adopter: `c:${w.cls.id}`
			})
		).toEqual({ ok: true });
		expect(
			await adoptComponent(t.db, w.parent.id, {
				playgroundId: w.playground.id,
				componentId: w.bench.id,
				adopter: `h:${w.household.id}`
			})
		).toMatchObject({
			ok: false,
			status: 409
		});
		const [bench] = await t.db
			.select()
			.from(playgroundComponent)
			.where(eq(playgroundComponent.id, w.bench.id));
		expect(bench).toMatchObject({ adoptedByClassId: w.cls.id, adoptedByHouseholdId: null });
	});

	it('an adult adopts for their household; a student cannot; another playground’s component is unknown', async () => {
		const w = await makePlaygroundWorld(t.db);
		const other = await makePlaygroundWorld(t.db);
		expect(
			await adoptComponent(t.db, w.student.id, {
				playgroundId: w.playground.id,
				componentId: w.fence.id,
				adopter: `h:${w.household.id}`
			})
		).toMatchObject({ status: 403 });
		expect(
			await adoptComponent(t.db, w.parent.id, {
				playgroundId: w.playground.id,
				componentId: other.fence.id,
				adopter: `h:${w.household.id}`
			})
		).toMatchObject({ status: 404 });
		expect(
			await adoptComponent(t.db, w.parent.id, {
				playgroundId: w.playground.id,
				componentId: w.fence.id,
				adopter: `h:${w.household.id}`
			})
		).toEqual({ ok: true });
	});
});

describe('collection points', () => {
	it('adding a steward grants the role and only that point', async () => {
		const w = await makePlaygroundWorld(t.db);
		const helper = await makeUser(t.db, { roles: ['household'] });
		expect(await addSteward(t.db, w.point.id, helper.username.toUpperCase())).toEqual({
			ok: true,
			userId: helper.id
		});
		expect(await addSteward(t.db, w.point.id, 'nobody-here')).toMatchObject({
			ok: false,
			error: 'playground.steward.unknownUser'
		});
		expect(await isPointSteward(t.db, helper.id, w.point.id)).toBe(true);
		expect(await isPointSteward(t.db, helper.id, w.otherPoint.id)).toBe(false);
		const roles = await t.db
			.select()
			.from(userRole)
			.where(and(eq(userRole.userId, helper.id), eq(userRole.role, 'steward')));
		expect(roles).toHaveLength(1);
		const points = await listStewardPoints(t.db, helper.id);
		expect(points.map((p) => p.id)).toEqual([w.point.id]);
		expect(points[0].playgrounds.map((p) => p.id)).toEqual([w.playground.id]);
		expect(await pointFeeds(t.db, w.point.id, w.playground.id)).toBe(true);
	});

	it('finds households by a Vietnamese name typed with its capitals, in the point’s neighbourhoods only', async () => {
		const w = await makePlaygroundWorld(t.db);
		const hh = await makeHousehold(t.db, {
			name: 'Đình Quán Số Một',
			neighbourhoodId: w.household.neighbourhoodId
		});
		const r = await resolveContributor(t.db, w.point.id, 'Đình Quán Số');
		expect(r).toMatchObject({ ok: true, contributor: { kind: 'household', householdId: hh.id } });
		// The other point serves no neighbourhood: a name finds nobody there.
		expect(await resolveContributor(t.db, w.otherPoint.id, 'Đình Quán Số')).toMatchObject({ ok: false });
	});

	it('never makes a student account a steward', async () => {
		const w = await makePlaygroundWorld(t.db);
		expect(await addSteward(t.db, w.point.id, w.student.username)).toEqual({
			ok: false,
			error: 'trust.grant.studentAccount'
		});
		expect(await isPointSteward(t.db, w.student.id, w.point.id)).toBe(false);
	});
});
