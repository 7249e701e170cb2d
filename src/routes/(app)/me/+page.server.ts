import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { appTimeZone, appToday } from '$lib/server/config';
import { badgeProgressOf, badgesOf } from '$lib/server/actions/badges';
import { getTotals } from '$lib/server/ledger/ledger';
import { personFeed } from '$lib/server/actions/review';
import { localDay, periodKeysFor } from '$lib/utils/dates';
import { cardOf, formatCardNumber } from '$lib/server/people/cards';
import { qrPath } from '$lib/server/playground/qr';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	const tz = appTimeZone();
	const today = appToday();
	const [week, all, badges, entries, card, progress] = await Promise.all([
		getTotals(db, 'person', user.id, 'week', periodKeysFor(today).week),
		getTotals(db, 'person', user.id, 'all', 'all'),
		badgesOf(db, user.id),
		personFeed(db, user.id, 40),
		cardOf(db, { userId: user.id }),
		badgeProgressOf(db, user.id, today)
	]);
	const earnedOn: Record<string, string> = {};
	for (const b of badges) earnedOn[b.badge] ??= localDay(b.awardedAt, tz);
	return {
		nickname: user.nickname,
		week: week.points,
		all: all.points,
		gramsAvoided: all.gramsAvoided,
		ladder: progress.ladder,
		fresh: progress.fresh,
		earnedOn,
		entries,
		// A student's drop-off card: shown at a collection point, it credits them and their class.
		card: card ? { number: formatCardNumber(card), qr: qrPath(card) } : null
	};
};
