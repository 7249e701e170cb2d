import { and, asc, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '$lib/server/db/client';
import {
	action,
	challenge,
	challengeAction,
	challengeParticipant,
	household,
	neighbourhood,
	rollup,
	schoolClass
} from '$lib/server/db/schema';
import { CHALLENGE_RULES, racedBy } from '$lib/rules/challenges';
import { classesTaughtBy, getMemberships } from '$lib/server/access/membership';
import { neighbourhoodsStewardedBy } from '$lib/server/access/stewards';

export type ChallengeState = 'upcoming' | 'running' | 'finished';
export type ChallengeRow = typeof challenge.$inferSelect;
export type Viewer = { id: number; roles: readonly string[] };

export function challengeState(ch: { startDay: string; endDay: string }, today: string): ChallengeState {
	if (today < ch.startDay) return 'upcoming';
	return today > ch.endDay ? 'finished' : 'running';
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
		.where(
			inArray(
				challengeAction.challengeId,
				rows.map((r) => r.id)
			)
		);
	return rows.map((r) => ({
		...r,
		actions: new Map(acts.filter((a) => a.challengeId === r.id).map((a) => [a.actionId, a.points]))
	}));
}

/**
 * What one log of an action counts for in the running challenges of its groups: every challenge
 * that includes the action, at that challenge's points × count (the person's own totals get the
 * action's catalogue points once; see `logAction`).
 */
export function challengeCredits(
	running: { id: number; actions: Map<number, number> }[],
	actionId: number,
	count: number
): { challengeId: number; points: number }[] {
	return running
		.filter((c) => c.actions.has(actionId))
		.map((c) => ({ challengeId: c.id, points: c.actions.get(actionId)! * count }));
}

/** The classes and neighbourhoods whose challenges a user sees: taught or stewarded, and their own. */
async function viewerGroups(db: DbOrTx, viewer: Viewer) {
	const m = await getMemberships(db, viewer.id);
	const taught = await classesTaughtBy(db, viewer.id);
	const stewarded = await neighbourhoodsStewardedBy(db, viewer.id);
	const classIds = [...taught.map((r) => r.classId), ...(m.classId ? [m.classId] : [])];
	const nbIds = [
		...stewarded.map((r) => r.neighbourhoodId),
		...(m.neighbourhoodId ? [m.neighbourhoodId] : [])
	];
	return or(
		classIds.length ? inArray(challengeParticipant.classId, classIds) : sql`0`,
		nbIds.length ? inArray(challengeParticipant.neighbourhoodId, nbIds) : sql`0`
	);
}

/** The challenges a user can see: their class's and household's, the ones they created, and (organisers) all. */
export async function listChallengesFor(db: DbOrTx, viewer: Viewer): Promise<ChallengeRow[]> {
	if (viewer.roles.includes('organiser'))
		return db.select().from(challenge).orderBy(desc(challenge.endDay)).limit(CHALLENGE_RULES.listMax);
	const ids = await db
		.selectDistinct({ id: challengeParticipant.challengeId })
		.from(challengeParticipant)
		.where(await viewerGroups(db, viewer));
	return db
		.select()
		.from(challenge)
		.where(
			or(
				eq(challenge.createdBy, viewer.id),
				ids.length
					? inArray(
							challenge.id,
							ids.map((r) => r.id)
						)
					: sql`0`
			)
		)
		.orderBy(desc(challenge.endDay))
		.limit(CHALLENGE_RULES.listMax);
}

/** Whether the viewer may open a challenge: the same people who would see it listed. */
export async function canViewChallenge(db: DbOrTx, viewer: Viewer, ch: ChallengeRow): Promise<boolean> {
	if (viewer.roles.includes('organiser') || ch.createdBy === viewer.id) return true;
	const [row] = await db
		.select({ id: challengeParticipant.id })
		.from(challengeParticipant)
		.where(and(eq(challengeParticipant.challengeId, ch.id), await viewerGroups(db, viewer)))
		.limit(1);
	return !!row;
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
		.select({
			id: rollup.scopeId,
			points: rollup.points,
			gramsAvoided: rollup.gramsAvoided,
			activeMembers: rollup.activeMembers
		})
		.from(rollup)
		.where(
			and(
				eq(rollup.scopeKind, kind),
				eq(rollup.periodKind, 'challenge'),
				eq(rollup.periodKey, String(ch.id)),
				inArray(
					rollup.scopeId,
					groups.map((g) => g.id)
				)
			)
		);
	const byId = new Map(totals.map((t) => [t.id, t]));
	const rows = groups
		.map((g) => ({
			id: g.id,
			name: g.name,
			points: byId.get(g.id)?.points ?? 0,
			gramsAvoided: byId.get(g.id)?.gramsAvoided ?? 0,
			activeMembers: byId.get(g.id)?.activeMembers ?? 0,
			rank: 0
		}))
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
