import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '$lib/server/db/client';
import {
	action,
	area,
	challenge,
	challengeAction,
	challengeParticipant,
	communityModel,
	neighbourhood,
	neighbourhoodSteward,
	school,
	schoolClass,
	schoolTeacher,
	type ChallengeScope
} from '$lib/server/db/schema';
import type { CreateChallengeInput } from '$lib/schemas/challenges';
import type { Viewer } from './challenges';
import { classesTaughtBy, isSchoolTeacher, openClassesTaughtBy } from '$lib/server/access/membership';
import { neighbourhoodsStewardedBy } from '$lib/server/access/stewards';

/** The areas in the subtree rooted at `areaId` (itself included). */
async function areaSubtree(db: DbOrTx, areaId: number): Promise<number[]> {
	const rows = await db.all<{ id: number }>(sql`
		WITH RECURSIVE down(id, depth) AS (
			SELECT id, 0 FROM area WHERE id = ${areaId}
			UNION ALL SELECT area.id, down.depth + 1 FROM area JOIN down ON area.parent_id = down.id WHERE down.depth < 12
		) SELECT id FROM down`);
	return rows.map((r) => Number(r.id));
}

export type CreateChallengeError =
	| 'challenges.scope.forbidden'
	| 'challenges.days.past'
	| 'challenges.actions.unknown'
	| 'challenges.participants.none';

/**
 * Creates a challenge with its actions and participants after checking the creator's right: a
 * teacher for their own classes or school; an organiser, or a steward of a neighbourhood in it,
 * for a neighbourhood or area.
 */
export async function createChallenge(
	db: Db,
	viewer: Viewer,
	input: CreateChallengeInput,
	today: string
): Promise<{ ok: true; id: number } | { ok: false; error: CreateChallengeError }> {
	if (input.endDay < today) return { ok: false, error: 'challenges.days.past' };
	const isOrganiser = viewer.roles.includes('organiser');
	return db.transaction(async (tx) => {
		let classIds: number[] = [];
		let neighbourhoodIds: number[] = [];
		if (input.scope === 'class') {
			const taught = new Set((await classesTaughtBy(tx, viewer.id)).map((c) => c.classId));
			const wanted = [...new Set(input.classIds)];
			if (!wanted.every((id) => taught.has(id)))
				return { ok: false as const, error: 'challenges.scope.forbidden' as const };
			classIds = wanted;
		} else if (input.scope === 'school') {
			if (!(await isSchoolTeacher(tx, viewer.id, input.schoolId!)) && !isOrganiser)
				return { ok: false as const, error: 'challenges.scope.forbidden' as const };
			const rows = await tx
				.select({ id: schoolClass.id })
				.from(schoolClass)
				.where(and(eq(schoolClass.schoolId, input.schoolId!), isNull(schoolClass.archivedAt)));
			classIds = rows.map((r) => r.id);
		} else {
			const areaIds = input.scope === 'area' ? await areaSubtree(tx, input.areaId!) : [];
			const rows =
				input.scope === 'neighbourhood'
					? await tx
							.select({ id: neighbourhood.id })
							.from(neighbourhood)
							.where(eq(neighbourhood.id, input.neighbourhoodId!))
					: areaIds.length
						? await tx
								.select({ id: neighbourhood.id })
								.from(neighbourhood)
								.where(inArray(neighbourhood.areaId, areaIds))
						: [];
			neighbourhoodIds = rows.map((r) => r.id);
			if (!isOrganiser) {
				const stewarded = (await neighbourhoodsStewardedBy(tx, viewer.id)).filter((s) =>
					neighbourhoodIds.includes(s.neighbourhoodId)
				);
				if (stewarded.length === 0)
					return { ok: false as const, error: 'challenges.scope.forbidden' as const };
			}
		}
		if (classIds.length === 0 && neighbourhoodIds.length === 0)
			return { ok: false as const, error: 'challenges.participants.none' as const };

		const actionIds = input.actions.map((a) => a.actionId);
		const known = await tx
			.select({ id: action.id })
			.from(action)
			.where(and(inArray(action.id, actionIds), isNull(action.retiredAt)));
		if (known.length !== new Set(actionIds).size)
			return { ok: false as const, error: 'challenges.actions.unknown' as const };

		// The same form sent twice (a double tap, a resend) creates one challenge.
		const [same] = input.formKey
			? await tx
					.select({ id: challenge.id })
					.from(challenge)
					.where(and(eq(challenge.createdBy, viewer.id), eq(challenge.formKey, input.formKey)))
			: [];
		if (same) return { ok: true as const, id: same.id };
		const [row] = await tx
			.insert(challenge)
			.values({
				title: input.title,
				description: input.description,
				scope: input.scope,
				schoolId: input.scope === 'school' ? input.schoolId! : null,
				neighbourhoodId: input.scope === 'neighbourhood' ? input.neighbourhoodId! : null,
				areaId: input.scope === 'area' ? input.areaId! : null,
				modelId: input.modelId ?? null,
				startDay: input.startDay,
				endDay: input.endDay,
				createdBy: viewer.id,
				formKey: input.formKey ?? null
			})
			.returning({ id: challenge.id });
		await tx
			.insert(challengeAction)
			.values(input.actions.map((a) => ({ challengeId: row.id, actionId: a.actionId, points: a.points })));
		await tx
			.insert(challengeParticipant)
			.values([
				...classIds.map((classId) => ({ challengeId: row.id, classId })),
				...neighbourhoodIds.map((neighbourhoodId) => ({ challengeId: row.id, neighbourhoodId }))
			]);
		return { ok: true as const, id: row.id };
	});
}

/** What a viewer may pick when creating a challenge: their classes, schools, neighbourhoods, areas, and models. */
export async function challengeFormOptions(db: DbOrTx, viewer: Viewer) {
	const isOrganiser = viewer.roles.includes('organiser');
	const classes = (await openClassesTaughtBy(db, viewer.id)).sort((a, b) => a.name.localeCompare(b.name));
	const schools = await db
		.select({ id: school.id, name: school.name })
		.from(schoolTeacher)
		.innerJoin(school, eq(school.id, schoolTeacher.schoolId))
		.where(eq(schoolTeacher.userId, viewer.id));
	const neighbourhoods = isOrganiser
		? await db
				.select({ id: neighbourhood.id, name: neighbourhood.name, areaId: neighbourhood.areaId })
				.from(neighbourhood)
				.orderBy(neighbourhood.name)
		: await db
				.select({ id: neighbourhood.id, name: neighbourhood.name, areaId: neighbourhood.areaId })
				.from(neighbourhoodSteward)
				.innerJoin(neighbourhood, eq(neighbourhood.id, neighbourhoodSteward.neighbourhoodId))
				.where(eq(neighbourhoodSteward.userId, viewer.id));
	const areas = isOrganiser
		? await db
				.select({ id: area.id, nameVi: area.nameVi, nameEn: area.nameEn })
				.from(area)
				.orderBy(area.nameVi)
		: neighbourhoods.length
			? await db
					.select({ id: area.id, nameVi: area.nameVi, nameEn: area.nameEn })
					.from(area)
					.where(
						inArray(
							area.id,
							neighbourhoods.map((n) => n.areaId)
						)
					)
			: [];
	const models = await db
		.select({ id: communityModel.id, nameVi: communityModel.nameVi, nameEn: communityModel.nameEn })
		.from(communityModel);
	const scopes: ChallengeScope[] = [
		...(classes.length ? (['class'] as const) : []),
		...(schools.length ? (['school'] as const) : []),
		...(neighbourhoods.length ? (['neighbourhood'] as const) : []),
		...(areas.length ? (['area'] as const) : [])
	];
	return {
		scopes,
		classes,
		schools,
		neighbourhoods: neighbourhoods.map(({ id, name }) => ({ id, name })),
		areas,
		models
	};
}
