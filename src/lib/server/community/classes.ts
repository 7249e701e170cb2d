import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '$lib/server/db/client';
import {
	classStudent,
	classTeacher,
	consentRecord,
	school,
	schoolClass,
	schoolTeacher,
	user
} from '$lib/server/db/schema';
import type { ClassInput, ConsentInput } from '$lib/schemas/structure';
import { firstFree, generateCode } from './codes';
import { nameKey } from '$lib/server/people/roster-paste';
import { getClassHeader } from './groups';
import { checkTeacherGrant } from '$lib/server/access/grants';
import { followPerson } from '$lib/server/ledger/rollups';

/** The classes a teacher teaches, newest school year first, archived last. */
export async function listTeacherClasses(db: DbOrTx, teacherId: number) {
	return db
		.select({
			id: schoolClass.id,
			name: schoolClass.name,
			grade: schoolClass.grade,
			schoolYear: schoolClass.schoolYear,
			archivedAt: schoolClass.archivedAt,
			schoolName: school.name,
			students: sql<number>`(select count(*) from ${classStudent} where ${classStudent.classId} = ${schoolClass.id})`
		})
		.from(classTeacher)
		.innerJoin(schoolClass, eq(schoolClass.id, classTeacher.classId))
		.innerJoin(school, eq(school.id, schoolClass.schoolId))
		.where(eq(classTeacher.userId, teacherId))
		.orderBy(sql`${schoolClass.archivedAt} is not null`, desc(schoolClass.schoolYear), asc(schoolClass.name));
}

/** The schools a teacher belongs to (where they may create classes). */
export async function teacherSchools(db: DbOrTx, teacherId: number) {
	return db
		.select({ id: school.id, name: school.name })
		.from(schoolTeacher)
		.innerJoin(school, eq(school.id, schoolTeacher.schoolId))
		.where(eq(schoolTeacher.userId, teacherId))
		.orderBy(asc(school.name));
}

/** A join code no class holds yet. */
export async function freshJoinCode(db: DbOrTx): Promise<string> {
	return firstFree(async () => {
		const code = generateCode();
		const [row] = await db
			.select({ id: schoolClass.id })
			.from(schoolClass)
			.where(eq(schoolClass.joinCode, code));
		return row ? undefined : code;
	});
}

export type CreateClassResult =
	| { ok: true; classId: number }
	| {
			ok: false;
			field: 'schoolId' | 'name';
			error: 'structure.class.notYourSchool' | 'structure.class.nameTaken';
	  };

/** Creates a class in one of the teacher's schools, with the teacher on it and a join code. */
export async function createClass(
	db: DbOrTx,
	teacherId: number,
	input: ClassInput
): Promise<CreateClassResult> {
	return db.transaction(async (tx) => {
		const [member] = await tx
			.select({ x: schoolTeacher.userId })
			.from(schoolTeacher)
			.where(and(eq(schoolTeacher.schoolId, input.schoolId), eq(schoolTeacher.userId, teacherId)));
		if (!member) return { ok: false, field: 'schoolId', error: 'structure.class.notYourSchool' } as const;
		const [clash] = await tx
			.select({ id: schoolClass.id })
			.from(schoolClass)
			.where(
				and(
					eq(schoolClass.schoolId, input.schoolId),
					eq(schoolClass.schoolYear, input.schoolYear),
					sql`lower(${schoolClass.name}) = ${input.name.toLowerCase()}`
				)
			);
		if (clash) return { ok: false, field: 'name', error: 'structure.class.nameTaken' } as const;
		const [row] = await tx
			.insert(schoolClass)
			.values({ ...input, joinCode: await freshJoinCode(tx) })
			.returning({ id: schoolClass.id });
		await tx.insert(classTeacher).values({ classId: row.id, userId: teacherId });
		return { ok: true, classId: row.id } as const;
	});
}

/** Everything the class management pages show about the class itself. */
export async function getClassAdmin(db: DbOrTx, classId: number) {
	return getClassHeader(db, classId, {
		joinCode: schoolClass.joinCode,
		studentBoardEnabled: schoolClass.studentBoardEnabled
	});
}

/** Replaces the join code; the old one stops working at once. */
export async function rotateJoinCode(db: DbOrTx, classId: number): Promise<string> {
	return db.transaction(async (tx) => {
		const code = await freshJoinCode(tx);
		await tx.update(schoolClass).set({ joinCode: code }).where(eq(schoolClass.id, classId));
		return code;
	});
}

/** Archives a class at year end: no one can join it any more; its history stays readable. */
export async function archiveClass(db: DbOrTx, classId: number): Promise<void> {
	await db
		.update(schoolClass)
		.set({ archivedAt: new Date() })
		.where(and(eq(schoolClass.id, classId), isNull(schoolClass.archivedAt)));
}

export async function setStudentBoard(db: DbOrTx, classId: number, enabled: boolean): Promise<void> {
	await db.update(schoolClass).set({ studentBoardEnabled: enabled }).where(eq(schoolClass.id, classId));
}

/** The class's teachers and the other teachers of its school who could co-teach it. */
export async function classTeachers(db: DbOrTx, classId: number, schoolId: number) {
	const teachers = await db
		.select({ id: user.id, nickname: user.nickname, displayName: user.displayName })
		.from(classTeacher)
		.innerJoin(user, eq(user.id, classTeacher.userId))
		.where(eq(classTeacher.classId, classId));
	const ids = new Set(teachers.map((t) => t.id));
	const colleagues = await db
		.select({ id: user.id, nickname: user.nickname, displayName: user.displayName })
		.from(schoolTeacher)
		.innerJoin(user, eq(user.id, schoolTeacher.userId))
		.where(eq(schoolTeacher.schoolId, schoolId));
	return { teachers, candidates: colleagues.filter((c) => !ids.has(c.id)) };
}

/** Adds a co-teacher, who must teach at the class's school. */
export async function addCoTeacher(
	db: DbOrTx,
	classId: number,
	userId: number
): Promise<{ ok: true } | { ok: false; error: 'structure.coteach.notColleague' }> {
	if (!(await checkTeacherGrant(db, userId)).ok)
		return { ok: false, error: 'structure.coteach.notColleague' };
	const [row] = await db
		.select({ x: schoolTeacher.userId })
		.from(schoolTeacher)
		.innerJoin(schoolClass, eq(schoolClass.schoolId, schoolTeacher.schoolId))
		.where(and(eq(schoolClass.id, classId), eq(schoolTeacher.userId, userId)));
	if (!row) return { ok: false, error: 'structure.coteach.notColleague' };
	await db.insert(classTeacher).values({ classId, userId }).onConflictDoNothing();
	return { ok: true };
}

/** The roster as its teachers see it: real names included (teachers only). */
export async function listStudents(db: DbOrTx, classId: number) {
	return db
		.select({
			id: user.id,
			username: user.username,
			displayName: user.displayName,
			nickname: user.nickname,
			joinedAt: classStudent.joinedAt
		})
		.from(classStudent)
		.innerJoin(user, eq(user.id, classStudent.userId))
		.where(eq(classStudent.classId, classId))
		.orderBy(asc(user.displayName));
}

/**
 * Takes a student out of the class; their account and past points stay (the class keeps its
 * totals), and their rows leave the class's student board, which follows today's class list.
 */
export async function removeStudent(db: Db, classId: number, studentId: number): Promise<boolean> {
	return db.transaction(async (tx) => {
		const rows = await tx
			.delete(classStudent)
			.where(and(eq(classStudent.classId, classId), eq(classStudent.userId, studentId)))
			.returning({ id: classStudent.userId });
		if (rows.length) await followPerson(tx, studentId);
		return rows.length > 0;
	});
}

/** Whether another student of the class already uses this nickname. */
export async function nicknameTakenInClass(
	db: DbOrTx,
	classId: number,
	nickname: string,
	exceptUserId = 0
): Promise<boolean> {
	const rows = await db
		.select({ nickname: user.nickname })
		.from(classStudent)
		.innerJoin(user, eq(user.id, classStudent.userId))
		.where(and(eq(classStudent.classId, classId), ne(user.id, exceptUserId)));
	const key = nameKey(nickname);
	return rows.some((r) => nameKey(r.nickname) === key);
}

export type ConsentResult =
	| { ok: true }
	| { ok: false; field: 'collectedOn'; error: 'structure.consent.future' | 'structure.consent.tooOld' };

/** Records that guardian consent was collected for the class roster (date, by whom). */
export async function recordConsent(
	db: DbOrTx,
	classId: number,
	teacherId: number,
	input: ConsentInput,
	today: string
): Promise<ConsentResult> {
	if (input.collectedOn > today)
		return { ok: false, field: 'collectedOn', error: 'structure.consent.future' };
	if (input.collectedOn < '2000-01-01')
		return { ok: false, field: 'collectedOn', error: 'structure.consent.tooOld' };
	await db
		.insert(consentRecord)
		.values({ classId, recordedBy: teacherId, collectedOn: input.collectedOn, note: input.note });
	return { ok: true };
}

export async function listConsent(db: DbOrTx, classId: number) {
	return db
		.select({
			id: consentRecord.id,
			collectedOn: consentRecord.collectedOn,
			note: consentRecord.note,
			createdAt: consentRecord.createdAt,
			recordedBy: user.nickname
		})
		.from(consentRecord)
		.leftJoin(user, eq(user.id, consentRecord.recordedBy))
		.where(eq(consentRecord.classId, classId))
		.orderBy(desc(consentRecord.collectedOn), desc(consentRecord.id));
}
