import type { PageServerLoad } from './$types';
import { requireClass } from '$lib/server/access/routes';
import { appTimeZone } from '$lib/server/config';
import { classBadgeFeed } from '$lib/server/actions/badges';
import { localDay } from '$lib/utils/dates';

export const load: PageServerLoad = async (event) => {
	const {
		db,
		classId,
		cls: header,
		relation
	} = await requireClass(event, ['teacher', 'student', 'organiser']);
	const tz = appTimeZone();
	// Reads only: badges are awarded by the writes that earn them (see actions/consequences.ts).
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
