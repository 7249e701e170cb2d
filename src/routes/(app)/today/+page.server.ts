import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { appTimeZone } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { submissionTime } from '$lib/server/offline/submission-time';
import { logActionSchema, undoEntrySchema } from '$lib/schemas/actions';
import { ACTION_RULES } from '$lib/rules/actions';
import { firstError } from '$lib/schemas/common';
import { backfillDays, logAction, loggingModes } from '$lib/server/actions/actions';
import { actionsForDay } from '$lib/server/actions/today-actions';
import { runningChallengesFor } from '$lib/server/actions/challenges';
import { undoableEntries, undoOwnEntry } from '$lib/server/actions/undo';
import { freshBadgesOf } from '$lib/server/actions/badges';
import { getHouseholdHeader } from '$lib/server/community/groups';
import { getTotals } from '$lib/server/ledger/ledger';
import type { LogMode } from '$lib/server/db/schema';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await getDb();
	const { today, yesterday } = backfillDays(new Date(), appTimeZone());
	const { memberships, modes } = await loggingModes(db, user.id);
	const wanted = event.url.searchParams.get('mode');
	const mode: LogMode | null = modes.find((m) => m === wanted) ?? modes[0] ?? null;
	const day = event.url.searchParams.get('day') === 'yesterday' ? yesterday : today;
	if (!mode)
		return {
			mode: null,
			modes,
			day,
			today,
			yesterday,
			actions: [],
			challenges: [],
			householdId: null,
			householdName: null,
			dayPoints: 0,
			keys: {},
			undoable: [],
			freshBadges: []
		};
	const actions = await actionsForDay(db, memberships, user.id, mode, day);
	// What this person logged in the last minutes, in any mode: a slip can still be undone.
	const [undoable, freshBadges] = await Promise.all([
		undoableEntries(db, user.id),
		freshBadgesOf(db, user.id)
	]);
	const running = await runningChallengesFor(
		db,
		{ classId: mode === 'person' ? memberships.classId : null, neighbourhoodId: memberships.neighbourhoodId },
		today
	);
	const challenges = running.map((c) => ({ id: c.id, title: c.title, endDay: c.endDay }));
	const household = memberships.householdId ? await getHouseholdHeader(db, memberships.householdId) : null;
	const dayPoints =
		mode === 'person'
			? (await getTotals(db, 'person', user.id, 'day', day)).points
			: (await getTotals(db, 'household', memberships.householdId!, 'day', day)).points;
	// One fresh key per button: a double tap or a resubmitted form counts once.
	const keys = Object.fromEntries(actions.map((a) => [a.id, crypto.randomUUID()]));
	return {
		mode,
		modes,
		day,
		today,
		yesterday,
		actions,
		challenges,
		householdId: household?.id ?? null,
		householdName: household?.displayName ?? null,
		dayPoints,
		keys,
		undoable,
		freshBadges
	};
};

export const actions: Actions = {
	log: async (event) => {
		const user = requireUser(event);
		const raw = await readForm(event);
		const parsed = logActionSchema.safeParse(raw);
		if (!parsed.success)
			return refuse(400, {
				form: `log-${Number(raw.actionId) || 0}`,
				message: firstError(parsed.error),
				params: { max: ACTION_RULES.maxLogCount }
			});
		const db = await getDb();
		const clock = await submissionTime(db, user.id, raw);
		if (!clock.ok)
			return refuse(clock.status, {
				form: `log-${parsed.data.actionId}`,
				message: clock.error,
				params: clock.params
			});
		const result = await logAction(db, user.id, parsed.data, clock.now, appTimeZone());
		if (!result.ok)
			return refuse(result.status, {
				form: `log-${parsed.data.actionId}`,
				message: result.error,
				params: result.params
			});
		setFlash(event.cookies, result.badges.length ? 'actions.loggedBadge' : 'actions.logged');
		const { yesterday } = backfillDays(new Date(), appTimeZone());
		redirect(303, `/today?mode=${parsed.data.mode}${parsed.data.day === yesterday ? '&day=yesterday' : ''}`);
	},
	undo: async (event) => {
		const user = requireUser(event);
		const parsed = undoEntrySchema.safeParse(await readForm(event));
		if (!parsed.success) return refuse(400, { form: 'undo', message: msg('actions.undo.notFound') });
		const result = await undoOwnEntry(await getDb(), user.id, parsed.data.entryId);
		if (!result.ok)
			return refuse(result.status, {
				form: 'undo',
				message: result.error,
				params: 'params' in result ? result.params : {}
			});
		setFlash(event.cookies, 'actions.undo.done');
		// Back to the page it was undone from (same mode and day); only the known query is kept.
		const mode = event.url.searchParams.get('mode') === 'household' ? 'household' : 'person';
		redirect(
			303,
			`/today?mode=${mode}${event.url.searchParams.get('day') === 'yesterday' ? '&day=yesterday' : ''}`
		);
	}
};
