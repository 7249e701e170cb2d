import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseId, requireClassAccess } from '$lib/server/auth/scoped';
import { appTimeZone, appToday } from '$lib/server/config';
import { classBadgeFeed, settleFinishedChallenges } from '$lib/server/actions/badges';
import { checkClassGoals } from '$lib/server/actions/goals';
import { getClassHeader } from '$lib/server/community/groups';
import { localDay } from '$lib/utils/dates';

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const classId = parseId(event.params.classId);
	const { relation } = await requireClassAccess(event, db, classId, ['teacher', 'student', 'organiser']);
	const header = await getClassHeader(db, classId);
	if (!header) error(404, { message: 'error.404' });
	const tz = appTimeZone();
	const today = appToday();
	// Badges earned by time passing (a goal's deadline, a challenge's end) are settled on read.
	await checkClassGoals(db, classId, today);
	await settleFinishedChallenges(db, { classId }, today);
	const badges = await classBadgeFeed(db, classId, 60);
	return {
		cls: { id: header.id, name: header.name },
		relation,
		badges: badges.map((b) => ({
			badge: b.badge,
			nickname: b.nickname,
			detail: b.challengeTitle,
			day: localDay(b.awardedAt, tz)
		}))
	};
};
