import { and, asc, count, eq, gte, inArray, lte, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	area,
	challenge,
	challengeParticipant,
	collectionPoint,
	collectionPointPlayground,
	communityModel,
	household,
	neighbourhood,
	school,
	schoolClass
} from '$lib/server/db/schema';
import { modelFamily } from '$lib/utils/model-kinds';
import { addDays } from '$lib/utils/dates';
import { addYears } from '$lib/utils/periods';
import type { ModelStoryInput } from '$lib/schemas/impact';
import { countActive, totalsByKind } from './participants';
import { allTimeSums } from './sums';
import { playgroundsIn } from './dashboard';

/**
 * Everything a model's public page shows: what it is, where and who hosts it, its headline figures
 * (all time; people counted over the last five years), its places, running challenges and
 * playgrounds, what it shares with other models, and models like it elsewhere. Only groups and
 * places are named: no individual, and so never a child.
 */
export async function modelPage(db: DbOrTx, modelId: number, today: string) {
	const [model] = await db
		.select({
			m: communityModel,
			areaVi: area.nameVi,
			areaEn: area.nameEn
		})
		.from(communityModel)
		.innerJoin(area, eq(area.id, communityModel.areaId))
		.where(eq(communityModel.id, modelId));
	if (!model) return null;
	const scope = { areaId: null, modelId };
	const schools = await db
		.select({ id: school.id, name: school.name })
		.from(school)
		.where(eq(school.modelId, modelId))
		.orderBy(asc(school.name));
	const neighbourhoods = await db
		.select({
			id: neighbourhood.id,
			name: neighbourhood.name,
			kind: neighbourhood.kind,
			households: sql<number>`count(${household.id})`.mapWith(Number)
		})
		.from(neighbourhood)
		.leftJoin(household, eq(household.neighbourhoodId, neighbourhood.id))
		.where(eq(neighbourhood.modelId, modelId))
		.groupBy(neighbourhood.id)
		.orderBy(asc(neighbourhood.name));
	const playgrounds = await playgroundsIn(db, scope);
	const points = playgrounds.length
		? await db
				.selectDistinct({ id: collectionPoint.id, name: collectionPoint.name, kind: collectionPoint.kind })
				.from(collectionPoint)
				.innerJoin(collectionPointPlayground, eq(collectionPointPlayground.pointId, collectionPoint.id))
				.where(
					inArray(
						collectionPointPlayground.playgroundId,
						playgrounds.map((p) => p.id)
					)
				)
				.orderBy(asc(collectionPoint.name))
		: [];
	const [{ classes }] = schools.length
		? await db
				.select({ classes: count() })
				.from(schoolClass)
				.where(
					inArray(
						schoolClass.schoolId,
						schools.map((s) => s.id)
					)
				)
		: [{ classes: 0 }];
	const people = totalsByKind(
		await countActive(db, scope, ['student', 'household'], {
			from: addDays(addYears(today, -5), 1),
			to: today
		})
	);
	return {
		model: { ...model.m, areaVi: model.areaVi, areaEn: model.areaEn },
		sums: await allTimeSums(db, scope),
		people: { students: people.student, households: people.household },
		places: { schools, classes, neighbourhoods, points },
		challenges: await runningChallenges(
			db,
			modelId,
			schools.map((s) => s.id),
			neighbourhoods.map((n) => n.id),
			today
		),
		playgrounds,
		alike: await modelsAlike(db, model.m)
	};
}

/** Challenges running today that belong to the model or that its classes or neighbourhoods race in. */
async function runningChallenges(
	db: DbOrTx,
	modelId: number,
	schoolIds: number[],
	neighbourhoodIds: number[],
	today: string
) {
	const classIds = db
		.select({ id: schoolClass.id })
		.from(schoolClass)
		.where(schoolIds.length ? inArray(schoolClass.schoolId, schoolIds) : sql`0`);
	return db
		.selectDistinct({
			id: challenge.id,
			title: challenge.title,
			description: challenge.description,
			startDay: challenge.startDay,
			endDay: challenge.endDay
		})
		.from(challenge)
		.leftJoin(challengeParticipant, eq(challengeParticipant.challengeId, challenge.id))
		.where(
			and(
				lte(challenge.startDay, today),
				gte(challenge.endDay, today),
				or(
					eq(challenge.modelId, modelId),
					inArray(challengeParticipant.classId, classIds),
					neighbourhoodIds.length ? inArray(challengeParticipant.neighbourhoodId, neighbourhoodIds) : sql`0`
				)
			)
		)
		.orderBy(asc(challenge.endDay), asc(challenge.id))
		.limit(20);
}

/** Models of the same kind first, then of the same family, each with its area: where to learn from. */
async function modelsAlike(db: DbOrTx, m: typeof communityModel.$inferSelect) {
	const family = modelFamily(m.kind);
	const rows = await db
		.select({
			id: communityModel.id,
			nameVi: communityModel.nameVi,
			nameEn: communityModel.nameEn,
			kind: communityModel.kind,
			areaId: communityModel.areaId,
			areaVi: area.nameVi,
			areaEn: area.nameEn
		})
		.from(communityModel)
		.innerJoin(area, eq(area.id, communityModel.areaId))
		.where(ne(communityModel.id, m.id))
		.orderBy(asc(communityModel.id));
	return rows
		.map((r) => ({ ...r, sameKind: r.kind === m.kind }))
		.filter((r) => r.sameKind || (family !== null && modelFamily(r.kind) === family))
		.sort((a, b) => Number(b.sameKind) - Number(a.sameKind) || a.id - b.id);
}

/** Saves what an organiser writes about a model for others to learn from. */
export async function saveModelStory(db: DbOrTx, modelId: number, input: ModelStoryInput, now = new Date()) {
	const updated = await db
		.update(communityModel)
		.set({ ...input, storyUpdatedAt: now })
		.where(eq(communityModel.id, modelId))
		.returning({ id: communityModel.id });
	return updated.length > 0;
}
