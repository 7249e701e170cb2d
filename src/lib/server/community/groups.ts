import { eq } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '$lib/server/db/client';
import { household, neighbourhood, school, schoolClass } from '$lib/server/db/schema';
import { getTotals, type Totals } from '$lib/server/ledger/ledger';
import { periodKeysFor } from '$lib/utils/dates';

export interface GroupSummary {
	week: Totals;
	month: Totals;
	all: Totals;
}

/** This week's, this month's and all-time totals of a class or household, from the rollups. */
export async function groupSummary(
	db: DbOrTx,
	kind: 'class' | 'household',
	id: number,
	today: string
): Promise<GroupSummary> {
	const keys = periodKeysFor(today);
	const [week, month, all] = await Promise.all([
		getTotals(db, kind, id, 'week', keys.week),
		getTotals(db, kind, id, 'month', keys.month),
		getTotals(db, kind, id, 'all', 'all')
	]);
	return { week, month, all };
}

/** The columns every class page shows about the class (with its school). */
const classHeaderColumns = {
	id: schoolClass.id,
	name: schoolClass.name,
	grade: schoolClass.grade,
	schoolYear: schoolClass.schoolYear,
	archivedAt: schoolClass.archivedAt,
	schoolId: school.id,
	schoolName: school.name
};

/** A class with its school, plus any `extra` columns; null when there is no such class. */
export async function getClassHeader<E extends Record<string, AnySQLiteColumn> = Record<never, never>>(
	db: DbOrTx,
	classId: number,
	extra?: E
) {
	const [row] = await db
		.select({ ...classHeaderColumns, ...(extra ?? ({} as E)) })
		.from(schoolClass)
		.innerJoin(school, eq(school.id, schoolClass.schoolId))
		.where(eq(schoolClass.id, classId));
	return row ?? null;
}

export async function getHouseholdHeader(db: DbOrTx, householdId: number) {
	const [row] = await db
		.select({
			id: household.id,
			displayName: household.displayName,
			kind: household.kind,
			neighbourhoodId: neighbourhood.id,
			neighbourhoodName: neighbourhood.name
		})
		.from(household)
		.innerJoin(neighbourhood, eq(neighbourhood.id, household.neighbourhoodId))
		.where(eq(household.id, householdId));
	return row ?? null;
}
