import { and, eq, inArray, isNull } from 'drizzle-orm';
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
	schoolTeacher
} from '$lib/server/db/schema';
import type { CreateChallengeInput } from '$lib/schemas/challenges';
import type { ChallengeScope } from '$lib/domain/challenges';
import { checkChallengeDays, type ChallengeDayError } from '$lib/rules/challenges';
import { areaSubtree } from '$lib/server/ledger/areas';
import type { Viewer } from './challenges';
import { overlappingChallenges, type Overlap } from './overlaps';
import { classesTaughtBy, isSchoolTeacher, openClassesTaughtBy } from '$lib/server/access/membership';
import { neighbourhoodsStewardedBy } from '$lib/server/access/stewards';

export type CreateChallengeError =
	| ChallengeDayError
	| 'challenges.scope.forbidden'
	| 'challenges.actions.unknown'
	| 'challenges.actions.retired'
	| 'challenges.participants.none'
	| 'challenges.overlap.confirm';

export type CreateChallengeResult =
	| { ok: true; id: number }
	| { ok: false; error: 'challenges.overlap.confirm'; overlaps: Overlap[] }
	| {
			ok: false;
			error: Exclude<CreateChallengeError, 'challenges.overlap.confirm'>;
			field?: 'startDay' | 'endDay' | 'actions';
			/** Names of the actions that are no longer in use. */
			retired?: { vi: string; en: string }[];
	  };

/** The classes or neighbourhoods taking part, after checking the creator may choose them. */
async function participantsFor(
	db: DbOrTx,
	viewer: Viewer,
	input: CreateChallengeInput
): Promise<{ classIds: number[]; neighbourhoodIds: number[] } | null> {
	const isOrganiser = viewer.roles.includes('organiser');
	if (input.scope === 'class') {
		const taught = new Set((await classesTaughtBy(db, viewer.id)).map((c) => c.classId));
		const wanted = [...new Set(input.classIds)];
		if (!wanted.every((id) => taught.has(id))) return null;
		return { classIds: wanted, neighbourhoodIds: [] };
	}
	if (input.scope === 'school') {
		if (!(await isSchoolTeacher(db, viewer.id, input.schoolId!)) && !isOrganiser) return null;
		const rows = await db
			.select({ id: schoolClass.id })
			.from(schoolClass)
			.where(and(eq(schoolClass.schoolId, input.schoolId!), isNull(schoolClass.archivedAt)));
		return { classIds: rows.map((r) => r.id), neighbourhoodIds: [] };
	}
	const areaIds = input.scope === 'area' ? await areaSubtree(db, input.areaId!) : [];
	const rows =
		input.scope === 'neighbourhood'
			? await db
					.select({ id: neighbourhood.id })
					.from(neighbourhood)
					.where(eq(neighbourhood.id, input.neighbourhoodId!))
			: areaIds.length
				? await db
						.select({ id: neighbourhood.id })
						.from(neighbourhood)
						.where(inArray(neighbourhood.areaId, areaIds))
				: [];
	const neighbourhoodIds = rows.map((r) => r.id);
	if (!isOrganiser && neighbourhoodIds.length) {
		const stewarded = (await neighbourhoodsStewardedBy(db, viewer.id)).filter((s) =>
			neighbourhoodIds.includes(s.neighbourhoodId)
		);
		if (stewarded.length === 0) return null;
	} else if (!isOrganiser) return null;
	return { classIds: [], neighbourhoodIds };
}

/**
 * Creates a challenge with its actions and participants after checking the rules again (days
 * inside `challengeDayBounds`, actions in use) and the creator's right: a teacher for their own
 * classes or school; an organiser, or a steward of a neighbourhood in it, for a neighbourhood or
 * area. A challenge that would run alongside another for the same groups is created only once the
 * creator has seen which (`confirmOverlap`): an action then counts in both.
 */
export async function createChallenge(
	db: Db,
	viewer: Viewer,
	input: CreateChallengeInput,
	today: string
): Promise<CreateChallengeResult> {
	const days = checkChallengeDays(input.startDay, input.endDay, today);
	if (days) return { ok: false, error: days.error, field: days.field };
	return db.transaction(async (tx): Promise<CreateChallengeResult> => {
		// The same form sent twice (a double tap, a resend) creates one challenge.
		const [same] = input.formKey
			? await tx
					.select({ id: challenge.id })
					.from(challenge)
					.where(and(eq(challenge.createdBy, viewer.id), eq(challenge.formKey, input.formKey)))
			: [];
		if (same) return { ok: true, id: same.id };
		const groups = await participantsFor(tx, viewer, input);
		if (!groups) return { ok: false, error: 'challenges.scope.forbidden' };
		if (groups.classIds.length === 0 && groups.neighbourhoodIds.length === 0)
			return { ok: false, error: 'challenges.participants.none' };

		const actionIds = [...new Set(input.actions.map((a) => a.actionId))];
		const known = await tx
			.select({ id: action.id, vi: action.nameVi, en: action.nameEn, retiredAt: action.retiredAt })
			.from(action)
			.where(inArray(action.id, actionIds));
		if (known.length !== actionIds.length)
			return { ok: false, error: 'challenges.actions.unknown', field: 'actions' };
		const retired = known.filter((a) => a.retiredAt !== null);
		if (retired.length)
			return {
				ok: false,
				error: 'challenges.actions.retired',
				field: 'actions',
				retired: retired.map(({ vi, en }) => ({ vi, en }))
			};

		if (!input.confirmOverlap) {
			const overlaps = await overlappingChallenges(tx, groups, input, actionIds, today);
			if (overlaps.length) return { ok: false, error: 'challenges.overlap.confirm', overlaps };
		}
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
				...groups.classIds.map((classId) => ({ challengeId: row.id, classId })),
				...groups.neighbourhoodIds.map((neighbourhoodId) => ({ challengeId: row.id, neighbourhoodId }))
			]);
		return { ok: true, id: row.id };
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
