import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import {
	area,
	classStudent,
	classTeacher,
	household,
	householdMember,
	neighbourhood,
	neighbourhoodSteward,
	school,
	schoolClass,
	schoolTeacher,
	user,
	userRole
} from '../../src/lib/server/db/schema';
import type { Role } from '../../src/lib/domain/roles';

let seq = 0;
const next = () => ++seq;

/** A fixed argon2id hash of "password123" (computing one per factory call would be slow). */
export const TEST_PASSWORD = 'password123';
const TEST_PASSWORD_HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$c29uZ3hhbmgtdGVzdHNhbHQ$hEFU7CSjdnmhR/yOa++L+SRWAKPayk/Fa7RlM3bJqF8';

export async function makeUser(
	db: Db,
	opts: {
		roles?: Role[];
		username?: string;
		email?: string | null;
		displayName?: string;
		nickname?: string;
		passwordHash?: string;
	} = {}
) {
	const n = next();
	const [row] = await db
		.insert(user)
		.values({
			username: opts.username ?? `user${n}`,
			email: opts.email ?? null,
			displayName: opts.displayName ?? `Real Name ${n}`,
			nickname: opts.nickname ?? `Nick ${n}`,
			passwordHash: opts.passwordHash ?? TEST_PASSWORD_HASH
		})
		.returning();
	if (opts.roles?.length)
		await db.insert(userRole).values(opts.roles.map((role) => ({ userId: row.id, role })));
	return row;
}

export async function makeArea(db: Db, opts: { parentId?: number | null; name?: string } = {}) {
	const n = next();
	const [row] = await db
		.insert(area)
		.values({
			nameVi: opts.name ?? `Khu ${n}`,
			nameEn: opts.name ?? `Area ${n}`,
			kind: 'ward',
			parentId: opts.parentId ?? null
		})
		.returning();
	return row;
}

export async function makeSchool(db: Db, opts: { areaId?: number; teacherIds?: number[] } = {}) {
	const areaId = opts.areaId ?? (await makeArea(db)).id;
	const [row] = await db
		.insert(school)
		.values({ name: `School ${next()}`, areaId })
		.returning();
	for (const t of opts.teacherIds ?? [])
		await db.insert(schoolTeacher).values({ schoolId: row.id, userId: t });
	return row;
}

export async function makeClass(
	db: Db,
	opts: {
		schoolId?: number;
		teacherIds?: number[];
		studentIds?: number[];
		name?: string;
		joinCode?: string | null;
	} = {}
) {
	const schoolId = opts.schoolId ?? (await makeSchool(db)).id;
	const n = next();
	const [row] = await db
		.insert(schoolClass)
		.values({
			schoolId,
			name: opts.name ?? `${6 + (n % 4)}A${n}`,
			grade: 6,
			schoolYear: '2026-2027',
			joinCode: opts.joinCode ?? null
		})
		.returning();
	for (const t of opts.teacherIds ?? []) {
		await db.insert(schoolTeacher).values({ schoolId, userId: t }).onConflictDoNothing();
		await db.insert(classTeacher).values({ classId: row.id, userId: t });
	}
	for (const s of opts.studentIds ?? []) await db.insert(classStudent).values({ classId: row.id, userId: s });
	return row;
}

export async function makeNeighbourhood(db: Db, opts: { areaId?: number; stewardIds?: number[] } = {}) {
	const areaId = opts.areaId ?? (await makeArea(db)).id;
	const [row] = await db
		.insert(neighbourhood)
		.values({ name: `Tổ ${next()}`, areaId, kind: 'residential' })
		.returning();
	for (const s of opts.stewardIds ?? [])
		await db.insert(neighbourhoodSteward).values({ neighbourhoodId: row.id, userId: s });
	return row;
}

export async function makeHousehold(
	db: Db,
	opts: { neighbourhoodId?: number; adultIds?: number[]; studentIds?: number[]; name?: string } = {}
) {
	const neighbourhoodId = opts.neighbourhoodId ?? (await makeNeighbourhood(db)).id;
	const [row] = await db
		.insert(household)
		.values({ neighbourhoodId, displayName: opts.name ?? `Nhà ${next()}`, kind: 'family' })
		.returning();
	for (const a of opts.adultIds ?? [])
		await db.insert(householdMember).values({ householdId: row.id, userId: a, kind: 'adult' });
	for (const s of opts.studentIds ?? [])
		await db.insert(householdMember).values({ householdId: row.id, userId: s, kind: 'student' });
	return row;
}

/** A student in a new class with a teacher, also in a household: the dual-credit shape. */
export async function makeStudentWorld(db: Db) {
	const teacher = await makeUser(db, { roles: ['teacher'] });
	const student = await makeUser(db, { roles: ['student'] });
	const parent = await makeUser(db, { roles: ['household'] });
	const cls = await makeClass(db, { teacherIds: [teacher.id], studentIds: [student.id] });
	const hh = await makeHousehold(db, { adultIds: [parent.id], studentIds: [student.id] });
	const [sch] = await db.select().from(school).where(eq(school.id, cls.schoolId));
	return { teacher, student, parent, cls, household: hh, school: sch };
}
