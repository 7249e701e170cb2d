import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import {
	area,
	challenge,
	challengeCredit,
	classStudent,
	household,
	ledgerEntry,
	neighbourhood,
	rollup,
	rollupArea,
	rollupDay,
	rollupMember,
	school,
	schoolClass
} from '../../src/lib/server/db/schema';
import { PER_MEMBER_RULES, isPerMemberKind, perMemberScore } from '../../src/lib/rules/boards';
import { racedBy } from '../../src/lib/rules/challenges';
import { monthKey, weekStart } from '../../src/lib/utils/dates';
import { rankBoard, type BoardPeriod, type BoardSource } from '../../src/lib/server/boards/leaderboards';

/**
 * The invariant tests' one recount: every rollup worked out again from the ledger alone (entries,
 * their challenge credits) and today's memberships and area tree, by plain loops that share no
 * code with the ledger's SQL. Used by `ledger/rollups.test.ts` (the ledger core) and
 * `ledger/ledger-invariants.test.ts` (the services and boards).
 */

interface Cell {
	kind: string;
	id: number;
	parentId: number;
	areaId: number | null;
	periodKind: string;
	periodKey: string;
	points: number;
	gramsAvoided: number;
	gramsCollected: number;
	entries: number;
	members: Map<number, number>;
	days: Map<string, number>;
}

export interface Recount {
	/** Rollup cells that must exist (entries that stand), by `kind|id|periodKind|periodKey`. */
	cells: Map<string, Cell>;
	/** Each area with its ancestors, from today's tree. */
	chainOf: (areaId: number) => number[];
	classOfPerson: Map<number, number>;
}

const live = (m: Map<unknown, number>) => [...m.values()].filter((n) => n > 0).length;
const daysRuled = (kind: string) => isPerMemberKind(kind) && PER_MEMBER_RULES[kind].orMinDays !== null;

/** Recounts every rollup from the ledger. */
async function recount(db: Db): Promise<Recount> {
	const parentOfArea = new Map((await db.select().from(area)).map((a) => [a.id, a.parentId]));
	const chainOf = (id: number) => {
		const out: number[] = [];
		for (let a: number | null | undefined = id; a && out.length < 50; a = parentOfArea.get(a)) out.push(a);
		return out;
	};
	const classes = new Map(
		(
			await db
				.select({ id: schoolClass.id, schoolId: school.id, areaId: school.areaId })
				.from(schoolClass)
				.innerJoin(school, eq(school.id, schoolClass.schoolId))
		).map((c) => [c.id, c])
	);
	const households = new Map(
		(
			await db
				.select({ id: household.id, nbId: neighbourhood.id, areaId: neighbourhood.areaId })
				.from(household)
				.innerJoin(neighbourhood, eq(neighbourhood.id, household.neighbourhoodId))
		).map((h) => [h.id, h])
	);
	const classOfPerson = new Map((await db.select().from(classStudent)).map((m) => [m.userId, m.classId]));
	const sides = new Map((await db.select().from(challenge)).map((c) => [c.id, racedBy(c.scope)]));
	const creditsOf = new Map<number, { challengeId: number; points: number }[]>();
	for (const c of await db.select().from(challengeCredit))
		creditsOf.set(c.entryId, [...(creditsOf.get(c.entryId) ?? []), c]);

	const cells = new Map<string, Cell>();
	const add = (
		scope: { kind: string; id: number; parentId: number; areaId: number | null },
		periodKind: string,
		periodKey: string,
		points: number,
		e: typeof ledgerEntry.$inferSelect
	) => {
		const k = `${scope.kind}|${scope.id}|${periodKind}|${periodKey}`;
		const c = cells.get(k) ?? {
			...scope,
			periodKind,
			periodKey,
			points: 0,
			gramsAvoided: 0,
			gramsCollected: 0,
			entries: 0,
			members: new Map(),
			days: new Map()
		};
		const sign = e.sourceKind === 'reversal' ? -1 : 1;
		c.points += points;
		c.gramsAvoided += e.gramsAvoided;
		c.gramsCollected += e.gramsCollected;
		c.entries += sign;
		if (e.personId && periodKind !== 'day')
			c.members.set(e.personId, (c.members.get(e.personId) ?? 0) + sign);
		if (periodKind !== 'day') c.days.set(e.localDay, (c.days.get(e.localDay) ?? 0) + sign);
		cells.set(k, c);
	};
	for (const e of await db.select().from(ledgerEntry)) {
		const scopes: { kind: string; id: number; parentId: number; areaId: number | null; side: string }[] = [];
		if (e.personId)
			scopes.push({
				kind: 'person',
				id: e.personId,
				parentId: classOfPerson.get(e.personId) ?? 0,
				areaId: null,
				side: 'both'
			});
		const c = e.classId ? classes.get(e.classId) : undefined;
		if (c) {
			scopes.push({ kind: 'class', id: c.id, parentId: c.schoolId, areaId: c.areaId, side: 'class' });
			scopes.push({ kind: 'school', id: c.schoolId, parentId: c.areaId, areaId: c.areaId, side: 'class' });
		}
		const h = e.householdId ? households.get(e.householdId) : undefined;
		if (h) {
			scopes.push({ kind: 'household', id: h.id, parentId: h.nbId, areaId: null, side: 'household' });
			scopes.push({
				kind: 'neighbourhood',
				id: h.nbId,
				parentId: h.areaId,
				areaId: h.areaId,
				side: 'household'
			});
		}
		for (const { side, ...s } of scopes) {
			add(s, 'week', weekStart(e.localDay), e.points, e);
			add(s, 'month', monthKey(e.localDay), e.points, e);
			add(s, 'all', 'all', e.points, e);
			add(s, 'day', e.localDay, e.points, e);
			for (const credit of creditsOf.get(e.id) ?? [])
				if (side === 'both' || side === sides.get(credit.challengeId))
					add(s, 'challenge', String(credit.challengeId), credit.points, e);
		}
	}
	for (const [k, c] of cells) if (c.entries <= 0) cells.delete(k);
	return { cells, chainOf, classOfPerson };
}

const expectedRow = (c: Cell) => {
	const isDay = c.periodKind === 'day';
	const members = isDay ? 0 : live(c.members);
	const days = isDay || !daysRuled(c.kind) ? 0 : live(c.days);
	return {
		parentId: c.parentId,
		points: c.points,
		gramsAvoided: c.gramsAvoided,
		gramsCollected: c.gramsCollected,
		entries: c.entries,
		activeMembers: members,
		activeDays: days,
		perMember: isDay ? null : perMemberScore(c.kind, c.points, members, days)
	};
};

const AREA_KINDS = new Set(['class', 'school', 'neighbourhood']);

/**
 * Every rollup, per-area copy, active-member and active-day counter equals the recount, and there
 * is no row the ledger does not explain. Returns how many rollup cells were compared.
 */
export async function expectRollupsEqualLedger(db: Db): Promise<number> {
	const { cells, chainOf } = await recount(db);
	const round = (v: number | null) => (v === null ? null : Math.round(v * 1e9) / 1e9);
	const actual = new Map(
		(await db.select().from(rollup)).map((r) => [
			`${r.scopeKind}|${r.scopeId}|${r.periodKind}|${r.periodKey}`,
			r
		])
	);
	for (const [k, c] of cells) {
		const r = actual.get(k);
		expect(r, `missing rollup ${k}`).toBeDefined();
		const want = expectedRow(c);
		expect({ k, ...r!, perMember: round(r!.perMember) }).toMatchObject({
			k,
			...want,
			perMember: round(want.perMember)
		});
	}
	expect(
		[...actual.keys()].filter((k) => !cells.has(k)),
		'rollup rows the ledger does not explain'
	).toEqual([]);

	const expectedArea = new Map<string, ReturnType<typeof expectedRow>>();
	for (const c of cells.values())
		if (AREA_KINDS.has(c.kind) && c.areaId !== null && c.periodKind !== 'day')
			for (const a of chainOf(c.areaId))
				expectedArea.set(`${c.kind}|${a}|${c.id}|${c.periodKind}|${c.periodKey}`, expectedRow(c));
	const actualArea = await db.select().from(rollupArea);
	expect(actualArea.length, 'per-area rows').toBe(expectedArea.size);
	for (const r of actualArea) {
		const k = `${r.boardKind}|${r.areaId}|${r.scopeId}|${r.periodKind}|${r.periodKey}`;
		const want = expectedArea.get(k);
		expect(want, `per-area row ${k} the ledger does not explain`).toBeDefined();
		expect([k, r.points, r.entries, r.activeMembers, r.activeDays, round(r.perMember)]).toEqual([
			k,
			want!.points,
			want!.entries,
			want!.activeMembers,
			want!.activeDays,
			round(want!.perMember)
		]);
	}

	const members = new Set<string>();
	const days = new Set<string>();
	for (const [k, c] of cells) {
		if (c.periodKind === 'day') continue;
		for (const [p, n] of c.members) if (n > 0) members.add(`${k}|${p}|${n}`);
		if (daysRuled(c.kind)) for (const [d, n] of c.days) if (n > 0) days.add(`${k}|${d}|${n}`);
	}
	const storedMembers = (await db.select().from(rollupMember)).map(
		(m) => `${m.scopeKind}|${m.scopeId}|${m.periodKind}|${m.periodKey}|${m.personId}|${m.entries}`
	);
	expect(new Set(storedMembers)).toEqual(members);
	const storedDays = (await db.select().from(rollupDay)).map(
		(m) => `${m.scopeKind}|${m.scopeId}|${m.periodKind}|${m.periodKey}|${m.day}|${m.entries}`
	);
	expect(new Set(storedDays)).toEqual(days);
	return cells.size;
}

/**
 * Every board (each kind, each container, each given window) shows exactly the groups (or, on a
 * class's student board, the people) who scored in its window, with their points: people on the
 * board of the class they are in now, groups on the boards of today's containers and areas.
 * Returns how many boards were read.
 */
export async function expectBoardsShowScorers(db: Db, periods: BoardPeriod[]): Promise<number> {
	const { cells, chainOf } = await recount(db);
	const boards = new Map<string, { src: BoardSource; period: BoardPeriod; rows: Map<number, number> }>();
	const board = (src: BoardSource, period: BoardPeriod) => {
		const k = `${JSON.stringify(src)}|${period.kind}|${period.key}`;
		if (!boards.has(k)) boards.set(k, { src, period, rows: new Map() });
		return boards.get(k)!;
	};
	for (const period of periods) {
		for (const c of cells.values()) {
			if (c.periodKind !== period.kind || c.periodKey !== period.key) continue;
			if (c.kind === 'person' && c.parentId)
				board({ table: 'rollup', scopeKind: 'person', parentId: c.parentId }, period).rows.set(
					c.id,
					c.points
				);
			if (c.kind === 'class' || c.kind === 'household')
				board({ table: 'rollup', scopeKind: c.kind, parentId: c.parentId }, period).rows.set(c.id, c.points);
			if (AREA_KINDS.has(c.kind) && c.areaId !== null)
				for (const a of chainOf(c.areaId))
					board({ table: 'area', boardKind: c.kind as 'class', areaId: a }, period).rows.set(c.id, c.points);
		}
	}
	// Boards that should be empty are read too: every container that has a group on any board.
	for (const { src, period } of [...boards.values()])
		for (const p of periods) if (p !== period) board(src, p);
	for (const { src, period, rows } of boards.values()) {
		const shown = await rankBoard(db, src, period, 'total', null, { top: 100_000 });
		const label = `${JSON.stringify(src)} ${period.kind} ${period.key}`;
		expect(new Map(shown.top.map((r) => [r.scopeId, r.points])), label).toEqual(rows);
		expect(shown.groups, label).toBe(rows.size);
	}
	return boards.size;
}
