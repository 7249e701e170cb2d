import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../client';
import {
	area,
	classStudent,
	classTeacher,
	communityModel,
	consentRecord,
	household,
	householdMember,
	neighbourhood,
	neighbourhoodSteward,
	school,
	schoolClass,
	schoolInvite,
	schoolTeacher,
	user,
	userRole
} from '../../schema';
import type { Role } from '$lib/domain/roles';
import { hashPassword } from '$lib/server/auth/password';
import { localDay } from '$lib/utils/dates';
import { appTimeZone } from '$lib/server/config';

export const DEMO_PASSWORD = 'songxanh-demo';

/** Ids of what the demo structure made, for domain seeders to build history on. */
export interface DemoContext {
	now: Date;
	today: string;
	areaId: number;
	modelIds: { school: number; playground: number; residential: number };
	organiserId: number;
	teacherId: number;
	stewardId: number;
	familyId: number;
	studentId: number;
	schoolId: number;
	classIds: number[];
	/** Students per class, `classIds[i]` → `studentsByClass[i]`; the demo student is first in class 0. */
	studentsByClass: number[][];
	neighbourhoodId: number;
	householdIds: number[];
	/** Adult members per household; the demo family's household is first. */
	adultsByHousehold: number[][];
	/** The hash of DEMO_PASSWORD, for seeders that add demo accounts (hashing inside the transaction is slow). */
	passwordHash: string;
}

const CLASS_6A1 = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Linh', 'Minh'];
const CLASS_7A2 = ['Nam', 'Ngọc', 'Phúc', 'Quân', 'Thảo', 'Trang', 'Vy'];
const HOUSEHOLDS = [
	{ name: 'Nhà Xanh Số 7', kind: 'family' },
	{ name: 'Gia đình Hoa Sen', kind: 'family' },
	{ name: 'Nhà Cây Bàng', kind: 'family' },
	{ name: 'Quán Chè Cô Ba', kind: 'food_stall' },
	{ name: 'Tạp hoá Minh Tâm', kind: 'shop' },
	{ name: 'Gia đình Sông Hồng', kind: 'family' }
] as const;

/**
 * One school with two classes, one neighbourhood with households, and the five demo accounts, all
 * with the hash of DEMO_PASSWORD (pass it in when calling inside a transaction: hashing is slow).
 */
export async function seedDemoStructure(
	db: DbOrTx,
	now: Date,
	demoPasswordHash?: string
): Promise<DemoContext> {
	const passwordHash = demoPasswordHash ?? (await hashPassword(DEMO_PASSWORD));
	return db.transaction(async (tx) => {
		const [lienMac] = await tx.select({ id: area.id }).from(area).where(eq(area.code, 'lien-mac'));
		const models = await tx.select({ id: communityModel.id, code: communityModel.code }).from(communityModel);
		const modelId = (code: string) => models.find((m) => m.code === code)!.id;

		async function person(
			username: string,
			displayName: string,
			nickname: string,
			roles: Role[],
			email?: string
		) {
			const [row] = await tx
				.insert(user)
				.values({ username, email: email ?? null, displayName, nickname, passwordHash, isDemo: true })
				.returning({ id: user.id });
			await tx.insert(userRole).values(roles.map((role) => ({ userId: row.id, role })));
			return row.id;
		}

		const organiserId = await person('demo-organiser', 'Nguyễn Thị Lan', 'Cô Lan (BTC)', ['organiser']);
		const teacherId = await person('demo-teacher', 'Trần Văn Hùng', 'Thầy Hùng', ['teacher', 'household']);
		const stewardId = await person('demo-steward', 'Lê Thị Mai', 'Cô Mai', ['steward', 'household']);
		const familyId = await person('demo-family', 'Phạm Văn Đức', 'Bố Đức', ['household']);

		const [sch] = await tx
			.insert(school)
			.values({ name: 'Trường THCS Liên Mạc', areaId: lienMac.id, modelId: modelId('green-school') })
			.returning({ id: school.id });
		await tx.insert(schoolTeacher).values({ schoolId: sch.id, userId: teacherId });
		const year = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
		const classDefs = [
			{ name: '6A1', grade: 6, joinCode: 'XANH6A', pupils: CLASS_6A1 },
			{ name: '7A2', grade: 7, joinCode: 'XANH7B', pupils: CLASS_7A2 }
		];
		const classIds: number[] = [];
		const studentsByClass: number[][] = [];
		for (const [ci, c] of classDefs.entries()) {
			const [row] = await tx
				.insert(schoolClass)
				.values({
					schoolId: sch.id,
					name: c.name,
					grade: c.grade,
					schoolYear: `${year}-${year + 1}`,
					joinCode: c.joinCode
				})
				.returning({ id: schoolClass.id });
			classIds.push(row.id);
			await tx.insert(classTeacher).values({ classId: row.id, userId: teacherId });
			const ids: number[] = [];
			for (const [i, name] of c.pupils.entries()) {
				const isDemoStudent = ci === 0 && i === 0;
				const id = await person(
					isDemoStudent ? 'demo-student' : `demo-${c.name.toLowerCase()}-${i + 1}`,
					`${isDemoStudent ? 'Phạm Minh' : 'Học sinh'} ${name}`,
					isDemoStudent ? 'Bông Sen Nhỏ' : `${name} ${c.name}`,
					['student']
				);
				await tx.insert(classStudent).values({ classId: row.id, userId: id });
				ids.push(id);
			}
			studentsByClass.push(ids);
		}
		// Classes have namesakes: a second "Học sinh Vy" in 7A2 (no activity, so the rest of the demo
		// is drawn as before), told apart on the students page.
		const namesake = await person('demo-7a2-8', 'Học sinh Vy', 'Vy Nhỏ 7A2', ['student']);
		await tx.insert(classStudent).values({ classId: classIds[1], userId: namesake });
		const studentId = studentsByClass[0][0];

		const [nb] = await tx
			.insert(neighbourhood)
			.values({
				name: 'Tổ dân phố Liên Mạc 3',
				areaId: lienMac.id,
				kind: 'residential',
				modelId: modelId('residential-area')
			})
			.returning({ id: neighbourhood.id });
		await tx.insert(neighbourhoodSteward).values({ neighbourhoodId: nb.id, userId: stewardId });

		const householdIds: number[] = [];
		const adultsByHousehold: number[][] = [];
		for (const [i, h] of HOUSEHOLDS.entries()) {
			const [row] = await tx
				.insert(household)
				.values({
					neighbourhoodId: nb.id,
					displayName: h.name,
					kind: h.kind,
					inviteCode: `NHA${'XYZ'[i % 3]}${'234567'[i]}${'MNPQRS'[i]}`,
					createdBy: i === 0 ? familyId : null
				})
				.returning({ id: household.id });
			householdIds.push(row.id);
			const adults =
				i === 0
					? [familyId]
					: i === 1
						? [teacherId]
						: i === 2
							? [stewardId]
							: [await person(`demo-adult-${i + 1}`, `Chủ hộ ${h.name}`, h.name, ['household'])];
			for (const a of adults)
				await tx.insert(householdMember).values({ householdId: row.id, userId: a, kind: 'adult' });
			adultsByHousehold.push(adults);
		}
		// The demo student lives with the demo family (dual credit: class and household), and
		// a few more students belong to households so household boards include their points.
		const studentHouseholds: [number, number][] = [
			[studentId, 0],
			[studentsByClass[0][1], 1],
			[studentsByClass[1][0], 2],
			[studentsByClass[0][2], 3],
			[studentsByClass[1][1], 5]
		];
		for (const [sid, hi] of studentHouseholds) {
			await tx.insert(householdMember).values({
				householdId: householdIds[hi],
				userId: sid,
				kind: 'student',
				approvedBy: adultsByHousehold[hi][0]
			});
		}
		// What a newcomer should find on the structure pages: consent already collected for 6A1, an
		// unused teacher invite for the school, and a classmate waiting for the demo family's approval
		// (demo-family becomes demo-student's guardian through a parent letter: see trust.ts).
		const year0 = `${year}-09-08`;
		await tx.insert(consentRecord).values({
			classId: classIds[0],
			recordedBy: teacherId,
			collectedOn: year0,
			note: 'Họp phụ huynh đầu năm'
		});
		await tx.insert(schoolInvite).values({
			schoolId: sch.id,
			code: 'MGVXANH8',
			createdBy: organiserId,
			expiresAt: new Date(now.getTime() + 14 * 86_400_000)
		});
		await tx.insert(householdMember).values({
			householdId: householdIds[0],
			userId: studentsByClass[1][2],
			kind: 'student',
			status: 'pending'
		});

		return {
			now,
			passwordHash,
			today: localDay(now, appTimeZone()),
			areaId: lienMac.id,
			modelIds: {
				school: modelId('green-school'),
				playground: modelId('lien-mac-playground'),
				residential: modelId('residential-area')
			},
			organiserId,
			teacherId,
			stewardId,
			familyId,
			studentId,
			schoolId: sch.id,
			classIds,
			studentsByClass,
			neighbourhoodId: nb.id,
			householdIds,
			adultsByHousehold
		};
	});
}
