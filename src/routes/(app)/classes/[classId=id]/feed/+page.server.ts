import type { PageServerLoad } from './$types';
import { requireClass } from '$lib/server/access/routes';
import { appTimeZone, appToday } from '$lib/server/config';
import { classBadgeFeed, settleFinishedChallenges } from '$lib/server/actions/badges';
import { checkClassGoals } from '$lib/server/actions/goals';
import { localDay } from '$lib/utils/dates';

export const load: PageServerLoad = async (event) => {
	const {
		db,
		classId,
		cls: header,
		relation
	} = await requireClass(event, ['teacher', 'student', 'organiser']);
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
