import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import {
	makeArea,
	makeClass,
	makeHousehold,
	makeNeighbourhood,
	makeStudentWorld,
	makeUser
} from '../../../../tests/helpers/factories';
import { action, challenge, challengeParticipant } from '$lib/server/db/schema';
import { createChallengeSchemaFor, challengeFormObject } from '$lib/schemas/challenges';

const createChallengeSchema = createChallengeSchemaFor('2026-11-25');
import { logAction } from './actions';
import { createChallenge } from './challenge-setup';
import { canViewChallenge, challengeStandings, challengeState, listChallengesFor } from './challenges';

const t = await createTestDb();
const TZ = 'Asia/Ho_Chi_Minh';
let n = 0;
const key = () => `ch-key-${++n}-abcdef`;
const idOf = async (code: string) =>
	(await t.db.select({ id: action.id }).from(action).where(eq(action.code, code)))[0].id;
const base = {
	title: 'Thử',
	description: '',
	classIds: [] as number[],
	startDay: '2026-11-25',
	endDay: '2026-12-01'
};

describe('challenges', () => {
	it('knows upcoming, running and finished by local day, ends inclusive', () => {
		const ch = { startDay: '2026-11-25', endDay: '2026-12-01' };
		expect(challengeState(ch, '2026-11-24')).toBe('upcoming');
		expect(challengeState(ch, '2026-11-25')).toBe('running');
		expect(challengeState(ch, '2026-12-01')).toBe('running');
		expect(challengeState(ch, '2026-12-02')).toBe('finished');
	});

	it('reads the form: ticked actions with their points, end before start refused, no action refused', async () => {
		const bottle = await idOf('own-bottle');
		const ok = createChallengeSchema.safeParse(
			challengeFormObject({
				title: 'A',
				description: '',
				scope: 'class',
				classIds: '3',
				startDay: '2026-11-25',
				endDay: '2026-11-30',
				actionIds: [String(bottle)],
				[`points_${bottle}`]: '12',
				points_999: '50'
			})
		);
		expect(ok.success && ok.data.actions).toEqual([{ actionId: bottle, points: 12 }]);
		const bad = createChallengeSchema.safeParse(
			challengeFormObject({
				title: 'A',
				description: '',
				scope: 'class',
				classIds: '3',
				startDay: '2026-11-30',
				endDay: '2026-11-25'
			})
		);
		expect(bad.success).toBe(false);
		expect(bad.error?.issues.map((i: { message: string }) => i.message)).toEqual(
			expect.arrayContaining(['challenges.actions.required', 'challenges.days.order'])
		);
		const negative = createChallengeSchema.safeParse(
			challengeFormObject({
				...base,
				scope: 'class',
				classIds: '3',
				actionIds: String(bottle),
				[`points_${bottle}`]: '-5'
			} as never)
		);
		expect(negative.success).toBe(false);
	});

	it('lets a teacher create only for their own classes and school; stewards only for their neighbourhoods', async () => {
		const w = await makeStudentWorld(t.db);
		const other = await makeStudentWorld(t.db);
		const bottle = await idOf('own-bottle');
		const actions = [{ actionId: bottle, points: 10 }];
		const teacher = { id: w.teacher.id, roles: ['teacher'] };
		expect(
			await createChallenge(
				t.db,
				teacher,
				{ ...base, scope: 'class', classIds: [w.cls.id, other.cls.id], actions },
				'2026-11-25'
			)
		).toEqual({ ok: false, error: 'challenges.scope.forbidden' });
		expect(
			await createChallenge(
				t.db,
				teacher,
				{ ...base, scope: 'school', schoolId: other.school.id, actions },
				'2026-11-25'
			)
		).toEqual({ ok: false, error: 'challenges.scope.forbidden' });
		expect(
			await createChallenge(
				t.db,
				teacher,
				{ ...base, scope: 'neighbourhood', neighbourhoodId: w.household.neighbourhoodId, actions },
				'2026-11-25'
			)
		).toEqual({ ok: false, error: 'challenges.scope.forbidden' });
		expect(
			await createChallenge(
				t.db,
				teacher,
				{ ...base, scope: 'class', classIds: [w.cls.id], actions },
				'2026-12-05'
			)
		).toEqual({ ok: false, error: 'challenges.days.past', field: 'endDay' });
		expect(
			await createChallenge(
				t.db,
				teacher,
				{ ...base, scope: 'class', classIds: [w.cls.id], actions: [{ actionId: 99_999, points: 1 }] },
				'2026-11-25'
			)
		).toEqual({ ok: false, error: 'challenges.actions.unknown', field: 'actions' });

		// A challenge whose actions are all retired is refused, naming them, and nothing is written.
		const [retired] = await t.db
			.insert(action)
			.values({
				nameVi: 'Cũ',
				nameEn: 'Old',
				points: 5,
				dailyCap: 1,
				impactFactorId: 1,
				retiredAt: new Date()
			})
			.returning();
		const challengesBefore = await t.db.select({ id: challenge.id }).from(challenge);
		expect(
			await createChallenge(
				t.db,
				teacher,
				{ ...base, scope: 'class', classIds: [w.cls.id], actions: [{ actionId: retired.id, points: 5 }] },
				'2026-11-25'
			)
		).toEqual({
			ok: false,
			error: 'challenges.actions.retired',
			field: 'actions',
			retired: [{ vi: 'Cũ', en: 'Old' }]
		});
		expect(await t.db.select({ id: challenge.id }).from(challenge)).toEqual(challengesBefore);

		// A whole-school challenge takes in every class of the school.
		const sibling = await makeClass(t.db, { schoolId: w.cls.schoolId });
		const schoolInput = {
			...base,
			scope: 'school' as const,
			schoolId: w.cls.schoolId,
			actions,
			formKey: 'challenge-form-1'
		};
		const school = await createChallenge(t.db, teacher, schoolInput, '2026-11-25');
		if (!school.ok) throw new Error(school.error);
		// The same form sent twice creates one challenge.
		expect(await createChallenge(t.db, teacher, schoolInput, '2026-11-25')).toEqual(school);
		const parts = await t.db
			.select()
			.from(challengeParticipant)
			.where(eq(challengeParticipant.challengeId, school.id));
		expect(parts.map((p) => p.classId).sort()).toEqual([w.cls.id, sibling.id].sort());

		// An area challenge by a steward of a neighbourhood inside it covers every neighbourhood of the area's subtree.
		const city = await makeArea(t.db);
		const ward = await makeArea(t.db, { parentId: city.id });
		const steward = await makeUser(t.db, { roles: ['steward'] });
		const nbA = await makeNeighbourhood(t.db, { areaId: ward.id, stewardIds: [steward.id] });
		const nbB = await makeNeighbourhood(t.db, { areaId: city.id });
		const outside = await makeNeighbourhood(t.db);
		const stewardViewer = { id: steward.id, roles: ['steward'] };
		expect(
			await createChallenge(
				t.db,
				stewardViewer,
				{ ...base, scope: 'neighbourhood', neighbourhoodId: outside.id, actions },
				'2026-11-25'
			)
		).toEqual({ ok: false, error: 'challenges.scope.forbidden' });
		const areaCh = await createChallenge(
			t.db,
			stewardViewer,
			{ ...base, scope: 'area', areaId: city.id, actions },
			'2026-11-25'
		);
		if (!areaCh.ok) throw new Error(areaCh.error);
		const nbs = await t.db
			.select()
			.from(challengeParticipant)
			.where(eq(challengeParticipant.challengeId, areaCh.id));
		expect(nbs.map((p) => p.neighbourhoodId).sort()).toEqual([nbA.id, nbB.id].sort());
	});

	it('ranks participating households by challenge points and shows the challenge only to those involved', async () => {
		const steward = await makeUser(t.db, { roles: ['steward'] });
		const nb = await makeNeighbourhood(t.db, { stewardIds: [steward.id] });
		const [a, b, c] = await Promise.all([1, 2, 3].map(() => makeUser(t.db, { roles: ['household'] })));
		const ha = await makeHousehold(t.db, { neighbourhoodId: nb.id, adultIds: [a.id], name: 'Nhà A' });
		const hb = await makeHousehold(t.db, { neighbourhoodId: nb.id, adultIds: [b.id], name: 'Nhà B' });
		await makeHousehold(t.db, { neighbourhoodId: nb.id, adultIds: [c.id], name: 'Nhà C' });
		const bag = await idOf('refuse-bag');
		const created = await createChallenge(
			t.db,
			{ id: steward.id, roles: ['steward'] },
			{ ...base, scope: 'neighbourhood', neighbourhoodId: nb.id, actions: [{ actionId: bag, points: 8 }] },
			'2026-11-25'
		);
		if (!created.ok) throw new Error(created.error);
		const at = new Date('2026-11-26T05:00:00Z');
		await logAction(
			t.db,
			a.id,
			{
				actionId: bag,
				count: 1,
				day: '2026-11-26',
				mode: 'household',
				idempotencyKey: key()
			},
			at,
			TZ
		);
		await logAction(
			t.db,
			b.id,
			{
				actionId: bag,
				count: 3,
				day: '2026-11-26',
				mode: 'household',
				idempotencyKey: key()
			},
			at,
			TZ
		);
		const [ch] = await t.db.select().from(challenge).where(eq(challenge.id, created.id));
		const standings = await challengeStandings(t.db, ch);
		expect(standings.map((s) => [s.name, s.points, s.rank])).toEqual([
			['Nhà B', 24, 1],
			['Nhà A', 8, 2],
			['Nhà C', 0, 3]
		]);
		expect(standings[0].id).toBe(hb.id);
		expect(standings[1].id).toBe(ha.id);

		const stranger = await makeStudentWorld(t.db);
		expect(await canViewChallenge(t.db, { id: a.id, roles: ['household'] }, ch)).toBe(true);
		expect(await canViewChallenge(t.db, { id: stranger.student.id, roles: ['student'] }, ch)).toBe(false);
		expect(await canViewChallenge(t.db, { id: stranger.teacher.id, roles: ['organiser'] }, ch)).toBe(true);
		expect(
			(await listChallengesFor(t.db, { id: stranger.parent.id, roles: ['household'] })).some(
				(x) => x.id === ch.id
			)
		).toBe(false);
	});
});
