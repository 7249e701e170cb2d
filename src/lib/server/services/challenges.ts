import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx, Db } from '$lib/server/db/client';
import {
	action,
	area,
	challenge,
	challengeAction,
	challengeParticipant,
	classTeacher,
	communityModel,
	household,
	neighbourhood,
	neighbourhoodSteward,
	rollup,
	school,
	schoolClass,
	schoolTeacher,
	type ChallengeScope
} from '$lib/server/db/schema';
import type { CreateChallengeInput } from '$lib/schemas/challenges';
import { getMemberships } from './membership';

export type ChallengeState = 'upcoming' | 'running' | 'finished';
export type ChallengeRow = typeof challenge.$inferSelect;
type Viewer = { id: number; roles: readonly string[] };

export function challengeState(ch: { startDay: string; endDay: string }, today: string): ChallengeState {
	if (today < ch.startDay) return 'upcoming';
	return today > ch.endDay ? 'finished' : 'running';
}

/** Classes race in class and school challenges; households in neighbourhood and area ones. */
export function racedBy(scope: ChallengeScope): 'class' | 'household' {
	return scope === 'class' || scope === 'school' ? 'class' : 'household';
}

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
			const mine = await tx
				.select({ id: classTeacher.classId })
				.from(classTeacher)
				.where(and(eq(classTeacher.userId, viewer.id), inArray(classTeacher.classId, input.classIds)));
			if (mine.length !== new Set(input.classIds).size) return { ok: false as const, error: 'challenges.scope.forbidden' as const };
			classIds = mine.map((r) => r.id);
		} else if (input.scope === 'school') {
			const [t] = await tx
				.select({ x: schoolTeacher.userId })
				.from(schoolTeacher)
				.where(and(eq(schoolTeacher.schoolId, input.schoolId!), eq(schoolTeacher.userId, viewer.id)));
			if (!t && !isOrganiser) return { ok: false as const, error: 'challenges.scope.forbidden' as const };
			const rows = await tx
				.select({ id: schoolClass.id })
				.from(schoolClass)
				.where(and(eq(schoolClass.schoolId, input.schoolId!), isNull(schoolClass.archivedAt)));
			classIds = rows.map((r) => r.id);
		} else {
			const areaIds = input.scope === 'area' ? await areaSubtree(tx, input.areaId!) : [];
			const rows =
				input.scope === 'neighbourhood'
					? await tx.select({ id: neighbourhood.id }).from(neighbourhood).where(eq(neighbourhood.id, input.neighbourhoodId!))
					: areaIds.length
						? await tx.select({ id: neighbourhood.id }).from(neighbourhood).where(inArray(neighbourhood.areaId, areaIds))
						: [];
			neighbourhoodIds = rows.map((r) => r.id);
			if (!isOrganiser) {
				const stewarded = neighbourhoodIds.length
					? await tx
							.select({ id: neighbourhoodSteward.neighbourhoodId })
							.from(neighbourhoodSteward)
							.where(and(eq(neighbourhoodSteward.userId, viewer.id), inArray(neighbourhoodSteward.neighbourhoodId, neighbourhoodIds)))
					: [];
				if (stewarded.length === 0) return { ok: false as const, error: 'challenges.scope.forbidden' as const };
			}
		}
		if (classIds.length === 0 && neighbourhoodIds.length === 0) return { ok: false as const, error: 'challenges.participants.none' as const };

		const actionIds = input.actions.map((a) => a.actionId);
		const known = await tx
			.select({ id: action.id })
			.from(action)
			.where(and(inArray(action.id, actionIds), isNull(action.retiredAt)));
		if (known.length !== new Set(actionIds).size) return { ok: false as const, error: 'challenges.actions.unknown' as const };

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
				createdBy: viewer.id
			})
			.returning({ id: challenge.id });
		await tx.insert(challengeAction).values(input.actions.map((a) => ({ challengeId: row.id, actionId: a.actionId, points: a.points })));
		await tx
			.insert(challengeParticipant)
			.values([
				...classIds.map((classId) => ({ challengeId: row.id, classId })),
				...neighbourhoodIds.map((neighbourhoodId) => ({ challengeId: row.id, neighbourhoodId }))
			]);
		return { ok: true as const, id: row.id };
	});
}

interface Group {
	classId: number | null;
	neighbourhoodId: number | null;
}

const participates = (g: Group) =>
	or(
		g.classId ? eq(challengeParticipant.classId, g.classId) : sql`0`,
		g.neighbourhoodId ? eq(challengeParticipant.neighbourhoodId, g.neighbourhoodId) : sql`0`
	);

/** Running challenges the group takes part in on `day`, with their actions → points. */
export async function runningChallengesFor(db: DbOrTx, g: Group, day: string) {
	if (!g.classId && !g.neighbourhoodId) return [];
	const rows = await db
		.selectDistinct({ id: challenge.id, title: challenge.title, endDay: challenge.endDay })
		.from(challenge)
		.innerJoin(challengeParticipant, eq(challengeParticipant.challengeId, challenge.id))
		.where(and(lte(challenge.startDay, day), gte(challenge.endDay, day), participates(g)))
		.orderBy(asc(challenge.endDay), asc(challenge.id));
	if (rows.length === 0) return [];
	const acts = await db
		.select()
		.from(challengeAction)
		.where(inArray(challengeAction.challengeId, rows.map((r) => r.id)));
	return rows.map((r) => ({
		...r,
		actions: new Map(acts.filter((a) => a.challengeId === r.id).map((a) => [a.actionId, a.points]))
	}));
}

/** Checks a log against a challenge: the group takes part, the day is in its period, the action is in it. */
export async function challengeForLog(
	db: DbOrTx,
	challengeId: number,
	actionId: number,
	day: string,
	g: Group
): Promise<
	| { ok: true; points: number }
	| { ok: false; error: 'actions.challenge.notFound' | 'actions.challenge.notParticipant' | 'actions.challenge.outsidePeriod' | 'actions.challenge.actionNotIncluded' }
> {
	const [ch] = await db.select().from(challenge).where(eq(challenge.id, challengeId));
	if (!ch) return { ok: false, error: 'actions.challenge.notFound' };
	const [p] = await db
		.select({ id: challengeParticipant.id })
		.from(challengeParticipant)
		.where(and(eq(challengeParticipant.challengeId, challengeId), participates(g)));
	if (!p) return { ok: false, error: 'actions.challenge.notParticipant' };
	if (day < ch.startDay || day > ch.endDay) return { ok: false, error: 'actions.challenge.outsidePeriod' };
	const [a] = await db
		.select({ points: challengeAction.points })
		.from(challengeAction)
		.where(and(eq(challengeAction.challengeId, challengeId), eq(challengeAction.actionId, actionId)));
	if (!a) return { ok: false, error: 'actions.challenge.actionNotIncluded' };
	return { ok: true, points: a.points };
}

/** The challenges a user can see: their class's and household's, the ones they created, and (organisers) all. */
export async function listChallengesFor(db: DbOrTx, viewer: Viewer): Promise<ChallengeRow[]> {
	if (viewer.roles.includes('organiser')) return db.select().from(challenge).orderBy(desc(challenge.endDay)).limit(200);
	const m = await getMemberships(db, viewer.id);
	const taught = await db.select({ id: classTeacher.classId }).from(classTeacher).where(eq(classTeacher.userId, viewer.id));
	const stewarded = await db
		.select({ id: neighbourhoodSteward.neighbourhoodId })
		.from(neighbourhoodSteward)
		.where(eq(neighbourhoodSteward.userId, viewer.id));
	const classIds = [...taught.map((r) => r.id), ...(m.classId ? [m.classId] : [])];
	const nbIds = [...stewarded.map((r) => r.id), ...(m.neighbourhoodId ? [m.neighbourhoodId] : [])];
	const ids = await db
		.selectDistinct({ id: challengeParticipant.challengeId })
		.from(challengeParticipant)
		.where(
			or(
				classIds.length ? inArray(challengeParticipant.classId, classIds) : sql`0`,
				nbIds.length ? inArray(challengeParticipant.neighbourhoodId, nbIds) : sql`0`
			)
		);
	return db
		.select()
		.from(challenge)
		.where(or(eq(challenge.createdBy, viewer.id), ids.length ? inArray(challenge.id, ids.map((r) => r.id)) : sql`0`))
		.orderBy(desc(challenge.endDay))
		.limit(200);
}

/** Whether the viewer may open a challenge (the same people who would see it listed). */
export async function canViewChallenge(db: DbOrTx, viewer: Viewer, challengeId: number): Promise<boolean> {
	const visible = await listChallengesFor(db, viewer);
	return visible.some((c) => c.id === challengeId);
}

export async function getChallenge(db: DbOrTx, id: number) {
	const [ch] = await db.select().from(challenge).where(eq(challenge.id, id));
	if (!ch) return null;
	const actions = await db
		.select({ id: action.id, nameVi: action.nameVi, nameEn: action.nameEn, points: challengeAction.points })
		.from(challengeAction)
		.innerJoin(action, eq(action.id, challengeAction.actionId))
		.where(eq(challengeAction.challengeId, id))
		.orderBy(action.id);
	return { challenge: ch, actions };
}

export interface Standing {
	id: number;
	name: string;
	points: number;
	gramsAvoided: number;
	activeMembers: number;
	rank: number;
}

/**
 * Standings from the challenge's rollups: every participating class (or every household of the
 * participating neighbourhoods), best first; groups with no points yet share the last rank.
 */
export async function challengeStandings(db: DbOrTx, ch: ChallengeRow): Promise<Standing[]> {
	const kind = racedBy(ch.scope);
	const groups =
		kind === 'class'
			? await db
					.select({ id: schoolClass.id, name: schoolClass.name })
					.from(challengeParticipant)
					.innerJoin(schoolClass, eq(schoolClass.id, challengeParticipant.classId))
					.where(eq(challengeParticipant.challengeId, ch.id))
			: await db
					.select({ id: household.id, name: household.displayName })
					.from(challengeParticipant)
					.innerJoin(household, eq(household.neighbourhoodId, challengeParticipant.neighbourhoodId))
					.where(eq(challengeParticipant.challengeId, ch.id));
	if (groups.length === 0) return [];
	const totals = await db
		.select({ id: rollup.scopeId, points: rollup.points, gramsAvoided: rollup.gramsAvoided, activeMembers: rollup.activeMembers })
		.from(rollup)
		.where(
			and(
				eq(rollup.scopeKind, kind),
				eq(rollup.periodKind, 'challenge'),
				eq(rollup.periodKey, String(ch.id)),
				inArray(rollup.scopeId, groups.map((g) => g.id))
			)
		);
	const byId = new Map(totals.map((t) => [t.id, t]));
	const rows = groups
		.map((g) => ({ id: g.id, name: g.name, points: byId.get(g.id)?.points ?? 0, gramsAvoided: byId.get(g.id)?.gramsAvoided ?? 0, activeMembers: byId.get(g.id)?.activeMembers ?? 0, rank: 0 }))
		.sort((a, b) => b.points - a.points || a.name.localeCompare(b.name));
	rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1].points === r.points ? rows[i - 1].rank : i + 1));
	return rows;
}

/** Participants by name, for the detail page. */
export async function challengeParticipantNames(db: DbOrTx, challengeId: number): Promise<string[]> {
	const rows = await db
		.select({ cls: schoolClass.name, nb: neighbourhood.name })
		.from(challengeParticipant)
		.leftJoin(schoolClass, eq(schoolClass.id, challengeParticipant.classId))
		.leftJoin(neighbourhood, eq(neighbourhood.id, challengeParticipant.neighbourhoodId))
		.where(eq(challengeParticipant.challengeId, challengeId));
	return rows.map((r) => r.cls ?? r.nb ?? '').filter(Boolean);
}

/** What a viewer may pick when creating a challenge: their classes, schools, neighbourhoods, areas, and models. */
export async function challengeFormOptions(db: DbOrTx, viewer: Viewer) {
	const isOrganiser = viewer.roles.includes('organiser');
	const classes = await db
		.select({ id: schoolClass.id, name: schoolClass.name })
		.from(classTeacher)
		.innerJoin(schoolClass, eq(schoolClass.id, classTeacher.classId))
		.where(and(eq(classTeacher.userId, viewer.id), isNull(schoolClass.archivedAt)))
		.orderBy(schoolClass.name);
	const schools = await db
		.select({ id: school.id, name: school.name })
		.from(schoolTeacher)
		.innerJoin(school, eq(school.id, schoolTeacher.schoolId))
		.where(eq(schoolTeacher.userId, viewer.id));
	const neighbourhoods = isOrganiser
		? await db.select({ id: neighbourhood.id, name: neighbourhood.name, areaId: neighbourhood.areaId }).from(neighbourhood).orderBy(neighbourhood.name)
		: await db
				.select({ id: neighbourhood.id, name: neighbourhood.name, areaId: neighbourhood.areaId })
				.from(neighbourhoodSteward)
				.innerJoin(neighbourhood, eq(neighbourhood.id, neighbourhoodSteward.neighbourhoodId))
				.where(eq(neighbourhoodSteward.userId, viewer.id));
	const areas = isOrganiser
		? await db.select({ id: area.id, nameVi: area.nameVi, nameEn: area.nameEn }).from(area).orderBy(area.nameVi)
		: neighbourhoods.length
			? await db
					.select({ id: area.id, nameVi: area.nameVi, nameEn: area.nameEn })
					.from(area)
					.where(inArray(area.id, neighbourhoods.map((n) => n.areaId)))
			: [];
	const models = await db.select({ id: communityModel.id, nameVi: communityModel.nameVi, nameEn: communityModel.nameEn }).from(communityModel);
	const scopes: ChallengeScope[] = [
		...(classes.length ? (['class'] as const) : []),
		...(schools.length ? (['school'] as const) : []),
		...(neighbourhoods.length ? (['neighbourhood'] as const) : []),
		...(areas.length ? (['area'] as const) : [])
	];
	return { scopes, classes, schools, neighbourhoods: neighbourhoods.map(({ id, name }) => ({ id, name })), areas, models };
}
