import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '$lib/server/db/client';
import { contribution, playground } from '$lib/server/db/schema';
import type { AnnounceContributionInput, RecordContributionInput } from '$lib/schemas/playground';
import { appendEntry } from '$lib/server/ledger/ledger';
import { afterLedgerWrite } from '$lib/server/actions/consequences';
import { getMemberships, isHouseholdStudent } from '$lib/server/access/membership';
import { relationToHousehold } from '$lib/server/access/relations';
import { isPointSteward } from '$lib/server/access/stewards';
import { pointFeeds } from './points';
import { resolveContributor, type Candidate } from './contributors';
import { componentOf } from './playgrounds';
import { effectiveGrams, parseMaterials, pointsFor, type Material } from '$lib/utils/playground';
import { localDay } from '$lib/utils/dates';

type ContributionRow = typeof contribution.$inferSelect;

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

export const fail = (status: 400 | 403 | 404 | 409, error: ContributionError, candidates?: Candidate[]) =>
	({ ok: false, status, error, candidates }) as const;

/** Checks a component belongs to the playground and accepts the material. */
export async function checkComponent(
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
export async function creditContribution(
	tx: Tx,
	row: ContributionRow,
	actorId: number,
	key: string | null,
	now: Date,
	today: string
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
	await afterLedgerWrite(tx, { classId: row.classId }, today, now);
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
	const who = await resolveContributor(db, input.pointId, input.contributor, input.pick);
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
			contribution: await creditContribution(
				tx,
				row,
				stewardId,
				input.idempotencyKey,
				now,
				localDay(now, timeZone)
			)
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
		if (!(await isHouseholdStudent(db, householdId, studentId)))
			return fail(400, 'playground.error.studentNotInHousehold');
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
