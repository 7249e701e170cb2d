import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/access/routes';
import { appToday } from '$lib/server/config';
import { communityModel } from '$lib/server/db/schema';
import {
	canViewChallenge,
	challengeParticipantNames,
	challengeStandings,
	challengeState,
	getChallenge,
	runningChallengesFor
} from '$lib/server/actions/challenges';
import { racedBy } from '$lib/rules/challenges';
import { getMemberships } from '$lib/server/access/membership';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	const id = parseId(event.params.challengeId);
	const found = await getChallenge(db, id);
	if (!found) error(404, { message: 'error.404' });
	if (!(await canViewChallenge(db, user, found.challenge))) error(403, { message: 'error.403' });
	const today = appToday();
	const ch = found.challenge;
	const state = challengeState(ch, today);
	const m = await getMemberships(db, user.id);
	const mine =
		state === 'running'
			? await runningChallengesFor(db, { classId: m.classId, neighbourhoodId: m.neighbourhoodId }, today)
			: [];
	const [model] = ch.modelId
		? await db
				.select({ nameVi: communityModel.nameVi, nameEn: communityModel.nameEn })
				.from(communityModel)
				.where(eq(communityModel.id, ch.modelId))
		: [];
	return {
		challenge: {
			id: ch.id,
			title: ch.title,
			description: ch.description,
			scope: ch.scope,
			startDay: ch.startDay,
			endDay: ch.endDay
		},
		state,
		racedBy: racedBy(ch.scope),
		actions: found.actions,
		participants: await challengeParticipantNames(db, id),
		standings: state === 'upcoming' ? [] : await challengeStandings(db, ch),
		canLog: mine.some((c) => c.id === id),
		model: model ?? null
	};
};
