import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '$lib/server/db/client';
import {
	area,
	communityModel,
	school,
	schoolClass,
	schoolInvite,
	schoolTeacher
} from '$lib/server/db/schema';
import type { SchoolInput } from '$lib/schemas/structure';
import { firstFree, generateCode, INVITE_CODE_LENGTH, isWellFormedCode, normaliseCode } from './codes';
import { grantRole } from '$lib/server/people/accounts';
import { checkTeacherGrant, type GrantRefusal } from '$lib/server/access/grants';

const INVITE_DAYS = 14;

export async function listSchools(db: DbOrTx) {
	return db
		.select({
			id: school.id,
			name: school.name,
			areaId: school.areaId,
			areaName: area.nameVi,
			modelName: communityModel.nameVi,
			teachers: sql<number>`(select count(*) from ${schoolTeacher} where ${schoolTeacher.schoolId} = ${school.id})`,
			classes: sql<number>`(select count(*) from ${schoolClass} where ${schoolClass.schoolId} = ${school.id})`
		})
		.from(school)
		.innerJoin(area, eq(area.id, school.areaId))
		.leftJoin(communityModel, eq(communityModel.id, school.modelId))
		.orderBy(asc(school.name));
}

export type RefError = { ok: false; field: string; error: 'structure.ref.unknown' };

/** Whether the referenced area (and model, if any) exist: a crafted id is a field error, not a 500. */
export async function refsExist(
	db: DbOrTx,
	areaId: number,
	modelId: number | null
): Promise<RefError | null> {
	const [a] = await db.select({ id: area.id }).from(area).where(eq(area.id, areaId));
	if (!a) return { ok: false, field: 'areaId', error: 'structure.ref.unknown' };
	if (modelId) {
		const [m] = await db
			.select({ id: communityModel.id })
			.from(communityModel)
			.where(eq(communityModel.id, modelId));
		if (!m) return { ok: false, field: 'modelId', error: 'structure.ref.unknown' };
	}
	return null;
}

export async function createSchool(
	db: DbOrTx,
	input: SchoolInput
): Promise<{ ok: true; id: number } | RefError> {
	const bad = await refsExist(db, input.areaId, input.modelId);
	if (bad) return bad;
	const [row] = await db.insert(school).values(input).returning({ id: school.id });
	return { ok: true, id: row.id };
}

/** A one-use invitation for a teacher to join a school, valid for two weeks. */
export async function createInvite(db: DbOrTx, schoolId: number, createdBy: number, now = new Date()) {
	const code = await firstFree(async () => {
		const code = generateCode(INVITE_CODE_LENGTH);
		const [clash] = await db
			.select({ id: schoolInvite.id })
			.from(schoolInvite)
			.where(eq(schoolInvite.code, code));
		return clash ? undefined : code;
	});
	const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000);
	await db.insert(schoolInvite).values({ schoolId, code, createdBy, expiresAt });
	return { code, expiresAt };
}

export async function listInvites(db: DbOrTx, schoolId: number) {
	return db
		.select({
			id: schoolInvite.id,
			code: schoolInvite.code,
			expiresAt: schoolInvite.expiresAt,
			usedAt: schoolInvite.usedAt
		})
		.from(schoolInvite)
		.where(eq(schoolInvite.schoolId, schoolId))
		.orderBy(desc(schoolInvite.id))
		.limit(20);
}

export type RedeemResult =
	| { ok: true; schoolId: number; schoolName: string; already: boolean }
	| {
			ok: false;
			error: 'structure.invite.bad' | 'structure.invite.expired' | 'structure.invite.used' | GrantRefusal;
	  };

/**
 * Redeems a teacher invite: the teacher joins the school and gets the teacher role. A second use
 * by the same person changes nothing; by anyone else it is refused.
 */
export async function redeemInvite(
	db: Db,
	userId: number,
	raw: string,
	now = new Date()
): Promise<RedeemResult> {
	const code = normaliseCode(raw);
	if (!isWellFormedCode(code)) return { ok: false, error: 'structure.invite.bad' };
	return db.transaction(async (tx) => {
		const [inv] = await tx
			.select({
				id: schoolInvite.id,
				schoolId: schoolInvite.schoolId,
				expiresAt: schoolInvite.expiresAt,
				usedBy: schoolInvite.usedBy,
				schoolName: school.name
			})
			.from(schoolInvite)
			.innerJoin(school, eq(school.id, schoolInvite.schoolId))
			.where(eq(schoolInvite.code, code));
		if (!inv) return { ok: false, error: 'structure.invite.bad' } as const;
		if (inv.usedBy === userId)
			return { ok: true, schoolId: inv.schoolId, schoolName: inv.schoolName, already: true } as const;
		if (inv.usedBy) return { ok: false, error: 'structure.invite.used' } as const;
		if (inv.expiresAt.getTime() < now.getTime())
			return { ok: false, error: 'structure.invite.expired' } as const;
		// Teachers are adults: a student holding an invite code gets nothing from it.
		const grant = await checkTeacherGrant(tx, userId);
		if (!grant.ok) return grant;
		const taken = await tx
			.update(schoolInvite)
			.set({ usedBy: userId, usedAt: now })
			.where(and(eq(schoolInvite.id, inv.id), isNull(schoolInvite.usedBy)))
			.returning({ id: schoolInvite.id });
		if (!taken.length) return { ok: false, error: 'structure.invite.used' } as const;
		await tx.insert(schoolTeacher).values({ schoolId: inv.schoolId, userId }).onConflictDoNothing();
		await grantRole(tx, userId, 'teacher');
		return { ok: true, schoolId: inv.schoolId, schoolName: inv.schoolName, already: false } as const;
	});
}
