import { asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '$lib/server/db/client';
import {
	area,
	household,
	householdMember,
	neighbourhood,
	neighbourhoodSteward,
	user
} from '$lib/server/db/schema';
import type { HouseholdInput, NeighbourhoodInput } from '$lib/schemas/structure';
import { firstFree, generateCode, isWellFormedCode, normaliseCode } from './codes';
import { grantRole } from '$lib/server/people/accounts';
import { issueCard } from '$lib/server/people/cards';
import {
	checkHouseholdAdultGrant,
	checkStewardGrant,
	isStudentAccount,
	type GrantRefusal
} from '$lib/server/access/grants';
import { refsExist, type RefError } from './schools';

export async function listNeighbourhoods(db: DbOrTx) {
	return db
		.select({
			id: neighbourhood.id,
			name: neighbourhood.name,
			kind: neighbourhood.kind,
			areaName: area.nameVi,
			households: sql<number>`(select count(*) from ${household} where ${household.neighbourhoodId} = ${neighbourhood.id})`
		})
		.from(neighbourhood)
		.innerJoin(area, eq(area.id, neighbourhood.areaId))
		.orderBy(asc(neighbourhood.name));
}

export async function createNeighbourhood(
	db: DbOrTx,
	input: NeighbourhoodInput
): Promise<{ ok: true; id: number } | RefError> {
	const bad = await refsExist(db, input.areaId, input.modelId);
	if (bad) return bad;
	const [row] = await db.insert(neighbourhood).values(input).returning({ id: neighbourhood.id });
	return { ok: true, id: row.id };
}

export async function listStewards(db: DbOrTx) {
	return db
		.select({
			neighbourhoodId: neighbourhoodSteward.neighbourhoodId,
			userId: user.id,
			nickname: user.nickname,
			username: user.username
		})
		.from(neighbourhoodSteward)
		.innerJoin(user, eq(user.id, neighbourhoodSteward.userId));
}

/** Names an adult (by username or e-mail) steward of a neighbourhood and grants the steward role. */
export async function addSteward(
	db: Db,
	neighbourhoodId: number,
	username: string
): Promise<
	| { ok: true }
	| {
			ok: false;
			field: 'username' | 'neighbourhoodId';
			error: 'structure.steward.unknownUser' | 'structure.ref.unknown';
	  }
> {
	const [nb] = await db
		.select({ id: neighbourhood.id })
		.from(neighbourhood)
		.where(eq(neighbourhood.id, neighbourhoodId));
	if (!nb) return { ok: false, field: 'neighbourhoodId', error: 'structure.ref.unknown' };
	const [u] = await db
		.select({ id: user.id })
		.from(user)
		.where(eq(user.username, username.trim().toLowerCase()));
	// Stewards are adults: a student account never qualifies (the same rule as collection points).
	if (!u || !(await checkStewardGrant(db, u.id)).ok)
		return { ok: false, field: 'username', error: 'structure.steward.unknownUser' };
	await db.transaction(async (tx) => {
		await tx.insert(neighbourhoodSteward).values({ neighbourhoodId, userId: u.id }).onConflictDoNothing();
		await grantRole(tx, u.id, 'steward');
	});
	return { ok: true };
}

/** The household a person belongs to or has asked to join (status 'pending'), if any. */
export async function myHousehold(db: DbOrTx, userId: number) {
	const [row] = await db
		.select({
			householdId: household.id,
			displayName: household.displayName,
			kind: household.kind,
			neighbourhoodName: neighbourhood.name,
			memberKind: householdMember.kind,
			status: householdMember.status
		})
		.from(householdMember)
		.innerJoin(household, eq(household.id, householdMember.householdId))
		.innerJoin(neighbourhood, eq(neighbourhood.id, household.neighbourhoodId))
		.where(eq(householdMember.userId, userId));
	return row ?? null;
}

async function freshHouseholdCode(db: DbOrTx): Promise<string> {
	return firstFree(async () => {
		const code = generateCode();
		const [row] = await db.select({ id: household.id }).from(household).where(eq(household.inviteCode, code));
		return row ? undefined : code;
	});
}

export type CreateHouseholdResult =
	| { ok: true; householdId: number }
	| {
			ok: false;
			field: 'neighbourhoodId' | '_';
			error: 'structure.ref.unknown' | 'structure.household.alreadyMember' | GrantRefusal;
	  };

/**
 * A new household in a neighbourhood with its creator as the first adult, a join code (which only
 * asks to join) and a drop-off card (which only credits).
 */
export async function createHousehold(
	db: DbOrTx,
	userId: number,
	input: HouseholdInput
): Promise<CreateHouseholdResult> {
	return db.transaction(async (tx) => {
		const grant = await checkHouseholdAdultGrant(tx, userId);
		if (!grant.ok) return { ok: false, field: '_', error: grant.error } as const;
		const [nb] = await tx
			.select({ id: neighbourhood.id })
			.from(neighbourhood)
			.where(eq(neighbourhood.id, input.neighbourhoodId));
		if (!nb) return { ok: false, field: 'neighbourhoodId', error: 'structure.ref.unknown' } as const;
		if (await myHousehold(tx, userId))
			return { ok: false, field: '_', error: 'structure.household.alreadyMember' } as const;
		const [row] = await tx
			.insert(household)
			.values({ ...input, inviteCode: await freshHouseholdCode(tx), createdBy: userId })
			.returning({ id: household.id });
		await tx
			.insert(householdMember)
			.values({ householdId: row.id, userId, kind: 'adult', approvedBy: userId });
		await grantRole(tx, userId, 'household');
		await issueCard(tx, { householdId: row.id });
		return { ok: true, householdId: row.id } as const;
	});
}

export type JoinHouseholdResult =
	| { ok: true; householdId: number }
	| { ok: false; error: 'structure.code.badHousehold' | 'structure.household.alreadyMember' };

/**
 * The join code asks to join: an adult's or a student's request waits, pending, until an approved
 * adult of the household (or, with none left, its steward or an organiser) decides it.
 */
export async function joinHouseholdByCode(
	db: Db,
	member: { id: number },
	raw: string
): Promise<JoinHouseholdResult> {
	const code = normaliseCode(raw);
	if (!isWellFormedCode(code)) return { ok: false, error: 'structure.code.badHousehold' };
	return db.transaction(async (tx) => {
		const [hh] = await tx.select({ id: household.id }).from(household).where(eq(household.inviteCode, code));
		if (!hh) return { ok: false, error: 'structure.code.badHousehold' } as const;
		if (await myHousehold(tx, member.id))
			return { ok: false, error: 'structure.household.alreadyMember' } as const;
		const isStudent = await isStudentAccount(tx, member.id);
		await tx.insert(householdMember).values({
			householdId: hh.id,
			userId: member.id,
			kind: isStudent ? 'student' : 'adult',
			status: 'pending'
		});
		return { ok: true, householdId: hh.id } as const;
	});
}

/** Members by nickname (never real names: household members are not all guardians). */
export async function listMembers(db: DbOrTx, householdId: number) {
	return db
		.select({
			id: user.id,
			nickname: user.nickname,
			kind: householdMember.kind,
			status: householdMember.status
		})
		.from(householdMember)
		.innerJoin(user, eq(user.id, householdMember.userId))
		.where(eq(householdMember.householdId, householdId))
		.orderBy(asc(householdMember.joinedAt));
}

/** Replaces the household's invite code; the old one stops working. */
export async function rotateHouseholdCode(db: DbOrTx, householdId: number): Promise<string> {
	return db.transaction(async (tx) => {
		const code = await freshHouseholdCode(tx);
		await tx.update(household).set({ inviteCode: code }).where(eq(household.id, householdId));
		return code;
	});
}

export async function getHouseholdCode(db: DbOrTx, householdId: number): Promise<string | null> {
	const [row] = await db
		.select({ code: household.inviteCode })
		.from(household)
		.where(eq(household.id, householdId));
	return row?.code ?? null;
}
