import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '$lib/server/db/client';
import {
	classStudent,
	contribution,
	household,
	householdMember,
	playground,
	schoolClass,
	user
} from '$lib/server/db/schema';
import type {
	AnnounceContributionInput,
	ConfirmContributionInput,
	RecordContributionInput
} from '$lib/schemas/playground';
import { appendEntry, findByIdempotencyKey, voidEntry } from '$lib/server/ledger/ledger';
import { checkClassGoals } from '$lib/server/actions/goals';
import { getMemberships, relationToHousehold } from '$lib/server/access/membership';
import { isPointSteward, pointFeeds } from './points';
import { componentOf } from './playgrounds';
import { effectiveGrams, parseMaterials, pointsFor, type Material } from '$lib/utils/playground';
import { localDay } from '$lib/utils/dates';

export type ContributionRow = typeof contribution.$inferSelect;

export type Contributor =
	| { kind: 'household'; householdId: number; label: string }
	| { kind: 'student'; studentId: number; householdId: number | null; classId: number | null; label: string };

export interface Candidate {
	pick: string;
	label: string;
}

export type ResolveResult =
	| { ok: true; contributor: Contributor }
	| { ok: false; error: 'playground.error.unknownContributor' }
	| { ok: false; error: 'playground.error.ambiguousContributor'; candidates: Candidate[] };

export type ContributionError =
	| 'playground.error.notSteward'
	| 'playground.error.pointNotFeeding'
	| 'playground.error.unknownComponent'
	| 'playground.error.materialNotForComponent'
	| 'playground.error.unknownContributor'
	| 'playground.error.ambiguousContributor'
	| 'playground.error.studentNotInHousehold'
	| 'playground.error.notCollecting'
	| 'playground.error.unknownContribution'
	| 'playground.error.notAnnounced'
	| 'playground.error.notConfirmed'
	| 'playground.error.notMember';

export type ContributionResult =
	| { ok: true; contribution: ContributionRow; duplicate?: boolean }
	| { ok: false; status: 400 | 403 | 404 | 409; error: ContributionError; candidates?: Candidate[] };

const fail = (status: 400 | 403 | 404 | 409, error: ContributionError, candidates?: Candidate[]) =>
	({ ok: false, status, error, candidates }) as const;

/** A scanned code may be a URL or "prefix:code": keep its last segment. */
function normaliseCode(raw: string): string {
	const trimmed = raw.trim();
	const last =
		trimmed
			.split(/[/?=#]/)
			.filter(Boolean)
			.pop() ?? trimmed;
	return last.trim();
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

async function studentContributor(db: DbOrTx, userId: number): Promise<Contributor | null> {
	const [u] = await db
		.select({ id: user.id, nickname: user.nickname, className: schoolClass.name })
		.from(user)
		.leftJoin(classStudent, eq(classStudent.userId, user.id))
		.leftJoin(schoolClass, eq(schoolClass.id, classStudent.classId))
		.where(eq(user.id, userId));
	if (!u) return null;
	const m = await getMemberships(db, u.id);
	if (m.classId) {
		return {
			kind: 'student',
			studentId: u.id,
			householdId: m.householdId,
			classId: m.classId,
			label: `${u.nickname} · ${u.className}`
		};
	}
	// An adult found by their account counts for their household.
	if (m.householdId) return householdContributor(db, m.householdId);
	return null;
}

async function householdContributor(db: DbOrTx, householdId: number): Promise<Contributor | null> {
	const [h] = await db
		.select({ id: household.id, name: household.displayName })
		.from(household)
		.where(eq(household.id, householdId));
	return h ? { kind: 'household', householdId: h.id, label: h.name } : null;
}

/**
 * Finds who brought a drop-off from what the steward typed or scanned: a household code, a
 * username (the login card), or part of a household name or student nickname. Several matches
 * come back as candidates to pick from; a pick ("h:12", "u:34") is taken as is.
 */
export async function resolveContributor(db: DbOrTx, raw: string, pick?: string): Promise<ResolveResult> {
	if (pick) {
		const [kind, id] = pick.split(':');
		const found =
			kind === 'h' ? await householdContributor(db, Number(id)) : await studentContributor(db, Number(id));
		return found
			? { ok: true, contributor: found }
			: { ok: false, error: 'playground.error.unknownContributor' };
	}
	const code = normaliseCode(raw);
	if (!code) return { ok: false, error: 'playground.error.unknownContributor' };
	const lower = code.toLowerCase();
	const [byCode] = await db
		.select({ id: household.id })
		.from(household)
		.where(sql`lower(${household.inviteCode}) = ${lower}`);
	if (byCode) return { ok: true, contributor: (await householdContributor(db, byCode.id))! };
	const [byUsername] = await db
		.select({ id: user.id })
		.from(user)
		.where(sql`lower(${user.username}) = ${lower}`);
	if (byUsername) {
		const found = await studentContributor(db, byUsername.id);
		if (found) return { ok: true, contributor: found };
	}
	if (code.length < 2) return { ok: false, error: 'playground.error.unknownContributor' };
	// SQLite's lower() folds ASCII only, so "Đình" is also matched as typed.
	const pattern = `%${likeEscape(lower)}%`;
	const asTyped = `%${likeEscape(code)}%`;
	const households = await db
		.select({ id: household.id, name: household.displayName, code: household.inviteCode })
		.from(household)
		.where(
			sql`(lower(${household.displayName}) like ${pattern} escape '\\' or ${household.displayName} like ${asTyped} escape '\\')`
		)
		.limit(6);
	const students = await db
		.select({ id: user.id, nickname: user.nickname, className: schoolClass.name })
		.from(classStudent)
		.innerJoin(user, eq(user.id, classStudent.userId))
		.innerJoin(schoolClass, eq(schoolClass.id, classStudent.classId))
		.where(
			sql`(lower(${user.nickname}) like ${pattern} escape '\\' or ${user.nickname} like ${asTyped} escape '\\')`
		)
		.limit(6);
	const candidates: Candidate[] = [
		...households.map((h) => ({ pick: `h:${h.id}`, label: h.code ? `${h.name} (${h.code})` : h.name })),
		...students.map((s) => ({ pick: `u:${s.id}`, label: `${s.nickname} · ${s.className}` }))
	];
	if (candidates.length === 1) return resolveContributor(db, '', candidates[0].pick);
	if (candidates.length === 0) return { ok: false, error: 'playground.error.unknownContributor' };
	return { ok: false, error: 'playground.error.ambiguousContributor', candidates };
}

/** Checks a component belongs to the playground and accepts the material. */
async function checkComponent(
	db: DbOrTx,
	playgroundId: number,
	componentId: number | undefined | null,
	material: Material
) {
	if (!componentId) return null;
	const comp = await componentOf(db, playgroundId, componentId);
	if (!comp) return fail(400, 'playground.error.unknownComponent');
	const allowed = parseMaterials(comp.materials);
	if (allowed.length > 0 && !allowed.includes(material))
		return fail(400, 'playground.error.materialNotForComponent');
	return null;
}

async function playgroundCollecting(db: DbOrTx, playgroundId: number): Promise<boolean> {
	const [pg] = await db
		.select({ state: playground.state })
		.from(playground)
		.where(eq(playground.id, playgroundId));
	return pg?.state === 'collecting';
}

/** Appends the confirmed drop-off's ledger entry and links it to the contribution row. */
async function creditContribution(
	tx: Tx,
	row: ContributionRow,
	actorId: number,
	key: string | null,
	now: Date
) {
	const entry = await appendEntry(tx, {
		localDay: row.localDay,
		points: row.points,
		gramsCollected: row.grams,
		sourceKind: 'contribution',
		sourceId: row.id,
		actorId,
		personId: row.studentId,
		classId: row.classId,
		householdId: row.householdId,
		idempotencyKey: key,
		createdAt: now
	});
	const [updated] = await tx
		.update(contribution)
		.set({ ledgerEntryId: entry.id })
		.where(eq(contribution.id, row.id))
		.returning();
	// A class goal may count kg collected: mark it reached in the same transaction.
	if (row.classId) await checkClassGoals(tx, row.classId, row.localDay, now);
	return updated;
}

type DropOff = Pick<
	RecordContributionInput,
	'playgroundId' | 'pointId' | 'componentId' | 'material' | 'count' | 'volumeMl' | 'idempotencyKey'
>;

/**
 * Inserts a drop-off unless this actor already sent the same idempotency key; the fields both a
 * steward's record and a household's announcement share are filled here.
 */
async function insertDropOff(
	tx: Tx,
	actorId: number,
	input: DropOff,
	weight: { grams: number; estimated: boolean },
	now: Date,
	timeZone: string,
	rest: Partial<typeof contribution.$inferInsert> &
		Pick<typeof contribution.$inferInsert, 'householdId' | 'status'>
) {
	const [existing] = await tx
		.select()
		.from(contribution)
		.where(and(eq(contribution.createdBy, actorId), eq(contribution.idempotencyKey, input.idempotencyKey)));
	if (existing) return { row: existing, duplicate: true };
	const [row] = await tx
		.insert(contribution)
		.values({
			playgroundId: input.playgroundId,
			pointId: input.pointId,
			componentId: input.componentId ?? null,
			material: input.material,
			grams: weight.grams,
			gramsEstimated: weight.estimated,
			itemCount: input.count ?? null,
			volumeMl: input.material === 'ecobricks' ? (input.volumeMl ?? null) : null,
			localDay: localDay(now, timeZone),
			createdBy: actorId,
			idempotencyKey: input.idempotencyKey,
			createdAt: now,
			...rest
		})
		.returning();
	return { row, duplicate: false };
}

/**
 * A steward records a drop-off at their collection point: confirmed at once, one ledger entry
 * crediting the household and, for a student, the student and their class. A repeated
 * idempotency key returns the first record.
 */
export async function recordContribution(
	db: Db,
	stewardId: number,
	input: RecordContributionInput,
	now: Date,
	timeZone: string
): Promise<ContributionResult> {
	if (!(await isPointSteward(db, stewardId, input.pointId))) return fail(403, 'playground.error.notSteward');
	if (!(await pointFeeds(db, input.pointId, input.playgroundId)))
		return fail(400, 'playground.error.pointNotFeeding');
	if (!(await playgroundCollecting(db, input.playgroundId)))
		return fail(409, 'playground.error.notCollecting');
	const compError = await checkComponent(db, input.playgroundId, input.componentId, input.material);
	if (compError) return compError;
	const who = await resolveContributor(db, input.contributor, input.pick);
	if (!who.ok) return fail(400, who.error, 'candidates' in who ? who.candidates : undefined);
	const weight = effectiveGrams(input.material, input.weightKg, input.count);
	if (!weight) return fail(400, 'playground.error.unknownContributor'); // unreachable: the schema requires one
	const c = who.contributor;

	return db.transaction(async (tx) => {
		const { row, duplicate } = await insertDropOff(tx, stewardId, input, weight, now, timeZone, {
			householdId: c.householdId,
			studentId: c.kind === 'student' ? c.studentId : null,
			classId: c.kind === 'student' ? c.classId : null,
			status: 'confirmed',
			points: pointsFor(input.material, weight.grams),
			recordedBy: stewardId,
			decidedAt: now
		});
		if (duplicate) return { ok: true as const, contribution: row, duplicate: true };
		return {
			ok: true as const,
			contribution: await creditContribution(tx, row, stewardId, input.idempotencyKey, now)
		};
	});
}

/**
 * A household member (adult, or a student of the household) announces a drop-off in advance. No
 * points until a steward confirms it. A student may only announce for themself.
 */
export async function announceContribution(
	db: Db,
	actor: { id: number; roles: readonly string[] },
	householdId: number,
	input: AnnounceContributionInput,
	now: Date,
	timeZone: string
): Promise<ContributionResult> {
	const relation = await relationToHousehold(db, actor, householdId);
	if (relation !== 'adult' && relation !== 'student') return fail(403, 'playground.error.notMember');
	if (!(await pointFeeds(db, input.pointId, input.playgroundId)))
		return fail(400, 'playground.error.pointNotFeeding');
	if (!(await playgroundCollecting(db, input.playgroundId)))
		return fail(409, 'playground.error.notCollecting');
	const compError = await checkComponent(db, input.playgroundId, input.componentId, input.material);
	if (compError) return compError;
	const studentId = relation === 'student' ? actor.id : (input.studentId ?? null);
	let classId: number | null = null;
	if (studentId) {
		const [m] = await db
			.select({ x: householdMember.userId })
			.from(householdMember)
			.where(
				and(
					eq(householdMember.householdId, householdId),
					eq(householdMember.userId, studentId),
					eq(householdMember.kind, 'student'),
					eq(householdMember.status, 'active')
				)
			);
		if (!m) return fail(400, 'playground.error.studentNotInHousehold');
		classId = (await getMemberships(db, studentId)).classId;
	}
	const weight = effectiveGrams(input.material, input.weightKg, input.count)!;
	return db.transaction(async (tx) => {
		const { row, duplicate } = await insertDropOff(tx, actor.id, input, weight, now, timeZone, {
			householdId,
			studentId,
			classId,
			status: 'announced',
			announcedBy: actor.id
		});
		return duplicate
			? { ok: true as const, contribution: row, duplicate: true }
			: { ok: true as const, contribution: row };
	});
}

async function loadForSteward(db: DbOrTx, stewardId: number, contributionId: number) {
	const [row] = await db.select().from(contribution).where(eq(contribution.id, contributionId));
	if (!row) return { error: fail(404, 'playground.error.unknownContribution') };
	if (!(await isPointSteward(db, stewardId, row.pointId)))
		return { error: fail(403, 'playground.error.notSteward') };
	return { row };
}

/**
 * The steward confirms an announced drop-off with what the scale actually said (material, weight,
 * count, component may be corrected). The status change is conditional, so a double submit or
 * two stewards at once credit it once.
 */
export async function confirmContribution(
	db: Db,
	stewardId: number,
	input: ConfirmContributionInput,
	now: Date,
	timeZone: string
): Promise<ContributionResult> {
	const loaded = await loadForSteward(db, stewardId, input.contributionId);
	if (loaded.error) return loaded.error;
	const current = loaded.row;
	const compError = await checkComponent(db, current.playgroundId, input.componentId, input.material);
	if (compError) return compError;
	const weight = effectiveGrams(input.material, input.weightKg, input.count)!;
	return db.transaction(async (tx) => {
		if (await findByIdempotencyKey(tx, stewardId, input.idempotencyKey)) {
			const [again] = await tx.select().from(contribution).where(eq(contribution.id, current.id));
			return { ok: true as const, contribution: again, duplicate: true };
		}
		const [row] = await tx
			.update(contribution)
			.set({
				material: input.material,
				grams: weight.grams,
				gramsEstimated: weight.estimated,
				itemCount: input.count ?? null,
				volumeMl: input.material === 'ecobricks' ? (input.volumeMl ?? null) : null,
				componentId: input.componentId ?? null,
				status: 'confirmed',
				points: pointsFor(input.material, weight.grams),
				localDay: localDay(now, timeZone),
				recordedBy: stewardId,
				decidedAt: now
			})
			.where(and(eq(contribution.id, current.id), eq(contribution.status, 'announced')))
			.returning();
		if (!row) return fail(409, 'playground.error.notAnnounced');
		return {
			ok: true as const,
			contribution: await creditContribution(tx, row, stewardId, input.idempotencyKey, now)
		};
	});
}

/** The steward turns down an announced drop-off; the contributor sees the reason. */
export async function rejectContribution(
	db: Db,
	stewardId: number,
	contributionId: number,
	reason: string,
	now = new Date()
): Promise<ContributionResult> {
	const loaded = await loadForSteward(db, stewardId, contributionId);
	if (loaded.error) return loaded.error;
	const [row] = await db
		.update(contribution)
		.set({ status: 'rejected', reason, recordedBy: stewardId, decidedAt: now })
		.where(and(eq(contribution.id, contributionId), eq(contribution.status, 'announced')))
		.returning();
	if (!row) return fail(409, 'playground.error.notAnnounced');
	return { ok: true, contribution: row };
}

/** The steward voids a confirmed drop-off: a ledger reversal with the reason, in one transaction. */
export async function voidContribution(
	db: Db,
	stewardId: number,
	contributionId: number,
	reason: string,
	now = new Date()
): Promise<ContributionResult> {
	const loaded = await loadForSteward(db, stewardId, contributionId);
	if (loaded.error) return loaded.error;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(contribution)
			.set({ status: 'voided', reason })
			.where(and(eq(contribution.id, contributionId), eq(contribution.status, 'confirmed')))
			.returning();
		if (!row || !row.ledgerEntryId) return fail(409, 'playground.error.notConfirmed');
		const voided = await voidEntry(tx, { entryId: row.ledgerEntryId, actorId: stewardId, reason, now });
		if (!voided.ok) throw new Error(`contribution ${row.id}: ${voided.error}`);
		return { ok: true as const, contribution: row };
	});
}
