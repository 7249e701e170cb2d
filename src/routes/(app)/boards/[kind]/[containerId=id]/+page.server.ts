import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { parseId, requireClass } from '$lib/server/access/routes';
import { appToday } from '$lib/server/config';
import { setFlash } from '$lib/server/flash';
import { boardQuerySchema, isBoardKind, studentBoardToggleSchema } from '$lib/schemas/boards';
import { fieldErrors } from '$lib/schemas/common';
import { findChallenge, resolveBoard, setStudentBoard } from '$lib/server/boards/board-access';
import { boardView } from '$lib/server/boards/view';
import { windowPeriod } from '$lib/server/boards/leaderboards';
import { BOARD_RULES, PER_MEMBER_RULES, isPerMemberKind } from '$lib/rules/boards';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

/** Only the parameters the board knows, each at most once, so junk cannot reach the schema as arrays. */
function readQuery(url: URL) {
	const out: Record<string, string> = {};
	for (const name of ['window', 'sort', 'challenge']) {
		const value = url.searchParams.get(name);
		if (value !== null) out[name] = value.slice(0, 40);
	}
	return out;
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const kind = event.params.kind;
	if (!isBoardKind(kind)) error(404, { message: msg('board.error.kind') });
	const containerId = parseId(event.params.containerId);
	const parsed = boardQuerySchema.safeParse(readQuery(event.url));
	if (!parsed.success) error(404, { message: parsed.error.issues[0]?.message ?? 'error.404' });
	// A person is one member, so the student board ranks by total only.
	const query = kind === 'student-in-class' ? { ...parsed.data, sort: 'total' as const } : parsed.data;

	const db = await getDb();
	const access = await resolveBoard(db, user, kind, containerId);
	if (!access.ok) error(access.status, { message: access.error });
	const board = access.board;

	const challenge = query.window === 'challenge' ? await findChallenge(db, query.challenge!) : null;
	if (query.window === 'challenge' && !challenge) error(404, { message: msg('board.error.challenge') });

	const today = appToday();
	const period = windowPeriod(query.window, today, challenge ?? undefined);
	const hidden = board.studentBoard && !board.studentBoard.enabled;
	return {
		board: {
			kind: board.kind,
			containerId: board.containerId,
			containerName: board.containerName,
			studentBoard: board.studentBoard ?? null
		},
		query,
		challenge,
		period: { startDay: period.startDay, endDay: period.endDay, hasPrevious: period.prevKey !== null },
		view: hidden ? null : await boardView(db, board, period, query.sort, today),
		/** The rule the per-member column follows, stated under the board. */
		perMemberRule: isPerMemberKind(board.scopeKind)
			? { household: board.scopeKind === 'household', ...PER_MEMBER_RULES[board.scopeKind] }
			: null,
		raceGroups: BOARD_RULES.raceGroups
	};
};

export const actions: Actions = {
	/** The class teacher turns the class's student board on or off. */
	studentBoard: async (event) => {
		requireUser(event);
		if (event.params.kind !== 'student-in-class') error(404, { message: msg('error.404') });
		const { db, classId } = await requireClass(event, ['teacher'], 'containerId');
		const parsed = studentBoardToggleSchema.safeParse(await readForm(event));
		if (!parsed.success) return refuse(400, { errors: fieldErrors(parsed.error) });
		const enabled = parsed.data.enabled === 'on';
		await setStudentBoard(db, classId, enabled);
		setFlash(event.cookies, enabled ? 'board.studentBoard.turnedOn' : 'board.studentBoard.turnedOff');
		redirect(303, `/boards/student-in-class/${classId}`);
	}
};
