import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../client';
import {
	action,
	actionLog,
	area,
	challenge,
	challengeAction,
	challengeParticipant,
	collectionPoint,
	collectionPointPlayground,
	collectionPointSteward,
	communityModel,
	household,
	householdMember,
	impactFactor,
	neighbourhood,
	playground,
	playgroundComponent,
	user,
	userRole
} from '../../schema';
import type { Role } from '$lib/domain/roles';
import { appendEntry } from '$lib/server/ledger/ledger';
import { prng } from '$lib/utils/prng';
import type { DemoContext } from './structure';
import { writeDropOff, writeHouseholdPledge, type DropOff, type HouseholdPledge } from './model-writes';

const VN_OFFSET_MS = 7 * 3600_000;

/**
 * Writes a model's demo history through the ledger like the app does (every entry with its source
 * row, every check-in through the pledge service), keeping to the actions' daily caps. Action logs
 * are written in batches after their entries, as the actions demo does; `finish` writes them.
 */
export async function historyWriter(tx: Tx, ctx: DemoContext, seed: number) {
	const random = prng(seed);
	const acts = await tx
		.select({
			id: action.id,
			code: action.code,
			points: action.points,
			cap: action.dailyCap,
			grams: impactFactor.grams
		})
		.from(action)
		.innerJoin(impactFactor, eq(impactFactor.id, action.impactFactorId));
	const byCode = new Map(acts.map((a) => [a.code ?? '', a]));
	const models = await tx.select({ id: communityModel.id, code: communityModel.code }).from(communityModel);
	const passwordHash = (
		await tx.select({ h: user.passwordHash }).from(user).where(eq(user.id, ctx.familyId))
	)[0].h;
	const [{ maxLog }] = await tx
		.select({ maxLog: sql<number>`coalesce(max(${actionLog.id}), 0)` })
		.from(actionLog);
	let nextLogId = Number(maxLog) + 1;
	const logs: (typeof actionLog.$inferInsert)[] = [];
	const used = new Map<string, number>();
	const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS);
	/** A moment of a local day between 06:30 and 20:30, never after now. */
	const momentOf = (day: string) => {
		const at = new Date(dayStart(day).getTime() + (6.5 + random() * 14) * 3600_000);
		return at > ctx.now ? new Date(ctx.now.getTime() - Math.floor(random() * 3600_000)) : at;
	};

	const w = {
		random,
		pick: <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)],
		modelId: (code: string) => models.find((m) => m.code === code)!.id,
		async areaId(code: string) {
			const [row] = await tx.select({ id: area.id }).from(area).where(eq(area.code, code));
			return row.id;
		},
		/** A demo area under a reference one (the tree keeps its closure by trigger). */
		async addArea(parentCode: string, nameVi: string, nameEn: string, kind: 'ward' | 'district' = 'ward') {
			const [row] = await tx
				.insert(area)
				.values({ parentId: await w.areaId(parentCode), nameVi, nameEn, kind })
				.returning({ id: area.id });
			return row.id;
		},
		/** People with the demo password, in one insert each (usernames must be unique). */
		async people(rows: { username: string; displayName: string; nickname: string }[], role: Role) {
			if (rows.length === 0) return [];
			const made = await tx
				.insert(user)
				.values(rows.map((r) => ({ ...r, passwordHash, isDemo: true })))
				.returning({ id: user.id });
			await tx.insert(userRole).values(made.map((m) => ({ userId: m.id, role })));
			return made.map((m) => m.id);
		},
		/** A neighbourhood of the model with households, each with one adult (made here). */
		async neighbourhood(opts: {
			name: string;
			areaId: number;
			kind: 'residential' | 'market' | 'food_street' | 'club';
			model: string;
			households: { name: string; kind: 'family' | 'market_stall' | 'food_stall' | 'shop' }[];
			usernamePrefix: string;
		}) {
			const [nb] = await tx
				.insert(neighbourhood)
				.values({ name: opts.name, areaId: opts.areaId, kind: opts.kind, modelId: w.modelId(opts.model) })
				.returning({ id: neighbourhood.id });
			const adults = await w.people(
				opts.households.map((h, i) => ({
					username: `${opts.usernamePrefix}-${i + 1}`,
					displayName: `Chủ hộ ${h.name}`,
					nickname: h.name.slice(0, 30)
				})),
				'household'
			);
			const hh = await tx
				.insert(household)
				.values(opts.households.map((h) => ({ neighbourhoodId: nb.id, displayName: h.name, kind: h.kind })))
				.returning({ id: household.id });
			await tx
				.insert(householdMember)
				.values(hh.map((h, i) => ({ householdId: h.id, userId: adults[i], kind: 'adult' as const })));
			return { id: nb.id, households: hh.map((h, i) => ({ id: h.id, adult: adults[i] })) };
		},
		/** A challenge raced by neighbourhoods (or classes), with its actions and their points. */
		async challenge(
			values: typeof challenge.$inferInsert,
			actionPoints: [string, number][],
			participants: { neighbourhoodId?: number; classId?: number }[]
		) {
			const [row] = await tx.insert(challenge).values(values).returning({ id: challenge.id });
			await tx.insert(challengeAction).values(
				actionPoints.map(([code, points]) => ({
					challengeId: row.id,
					actionId: byCode.get(code)!.id,
					points
				}))
			);
			await tx.insert(challengeParticipant).values(participants.map((p) => ({ challengeId: row.id, ...p })));
			return {
				id: row.id,
				startDay: values.startDay,
				endDay: values.endDay,
				points: new Map(actionPoints.map(([code, points]) => [byCode.get(code)!.id, points]))
			};
		},
		/** One logged action, capped per day as the app caps it; returns false when the cap is reached. */
		async log(opts: {
			day: string;
			code: string;
			count?: number;
			personId: number;
			classId?: number | null;
			householdId?: number | null;
			mode: 'person' | 'household';
			challenge?: { id: number; startDay: string; endDay: string; points: Map<number, number> } | null;
		}) {
			const a = byCode.get(opts.code)!;
			const owner = opts.mode === 'person' ? `p${opts.personId}` : `h${opts.householdId}`;
			const capKey = `${owner}:${a.id}:${opts.day}`;
			const count = Math.min(opts.count ?? 1, a.cap - (used.get(capKey) ?? 0));
			if (count <= 0) return false;
			used.set(capKey, (used.get(capKey) ?? 0) + count);
			const ch =
				opts.challenge && opts.day >= opts.challenge.startDay && opts.day <= opts.challenge.endDay
					? opts.challenge
					: null;
			const challengePoints = ch?.points.get(a.id);
			const createdAt = momentOf(opts.day);
			const logId = nextLogId++;
			const entry = await appendEntry(tx, {
				localDay: opts.day,
				points: a.points * count,
				gramsAvoided: a.grams * count,
				sourceKind: 'action',
				sourceId: logId,
				actorId: opts.personId,
				personId: opts.personId,
				classId: opts.classId ?? null,
				householdId: opts.householdId ?? null,
				credits:
					ch && challengePoints !== undefined
						? [{ challengeId: ch.id, points: challengePoints * count }]
						: [],
				createdAt
			});
			logs.push({
				id: logId,
				actionId: a.id,
				mode: opts.mode,
				actorId: opts.personId,
				personId: opts.personId,
				classId: opts.classId ?? null,
				householdId: opts.householdId ?? null,
				localDay: opts.day,
				count,
				ledgerEntryId: entry.id,
				createdAt
			});
			return true;
		},
		/** A project with components fed by collection points, each run by the demo steward. */
		async project(opts: {
			model: string;
			areaId: number;
			name: string;
			description: string;
			components: { name: string; materials: string; targetGrams?: number; targetItems?: number }[];
			points: {
				id?: number;
				name?: string;
				kind?: 'school' | 'pagoda' | 'shop' | 'community_house';
				openingHours?: string;
				address?: string;
				neighbourhoodId?: number;
			}[];
		}) {
			const [pg] = await tx
				.insert(playground)
				.values({
					modelId: w.modelId(opts.model),
					areaId: opts.areaId,
					name: opts.name,
					description: opts.description,
					state: 'collecting',
					createdBy: ctx.organiserId
				})
				.returning({ id: playground.id });
			const parts = await tx
				.insert(playgroundComponent)
				.values(opts.components.map((c, i) => ({ playgroundId: pg.id, position: i, ...c })))
				.returning({ id: playgroundComponent.id });
			const pointIds: number[] = [];
			for (const p of opts.points) {
				let id = p.id;
				if (!id) {
					const [row] = await tx
						.insert(collectionPoint)
						.values({
							name: p.name!,
							kind: p.kind!,
							openingHours: p.openingHours ?? '',
							address: p.address ?? '',
							areaId: opts.areaId,
							neighbourhoodId: p.neighbourhoodId ?? null
						})
						.returning({ id: collectionPoint.id });
					id = row.id;
					await tx.insert(collectionPointSteward).values({ pointId: id, userId: ctx.stewardId });
				}
				await tx.insert(collectionPointPlayground).values({ pointId: id, playgroundId: pg.id });
				pointIds.push(id);
			}
			return { id: pg.id, components: parts.map((p) => p.id), points: pointIds };
		},
		/** A confirmed drop-off: its contribution row, its ledger entry, then the link between them. */
		dropOff: (opts: DropOff) => writeDropOff(tx, ctx, momentOf(opts.day), opts),
		/** A household pledge with its check-ins, bonus and badge (see `writeHouseholdPledge`). */
		householdPledge: (opts: HouseholdPledge) => writeHouseholdPledge(tx, ctx, momentOf, opts),
		/** Writes the batched action logs (call once, at the end of the transaction). */
		async finish() {
			for (let i = 0; i < logs.length; i += 200) await tx.insert(actionLog).values(logs.slice(i, i + 200));
			logs.length = 0;
		}
	};
	return w;
}

export type HistoryWriter = Awaited<ReturnType<typeof historyWriter>>;
