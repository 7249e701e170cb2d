// Board names and URLs without zod, so the board pages' browser code stays small.

/** Every board: which groups it ranks, within which container (the URL's container id). */
export const BOARD_KINDS = [
	'class-in-school',
	'class-in-area',
	'household-in-neighbourhood',
	'school-in-area',
	'neighbourhood-in-area',
	'student-in-class'
] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

export const BOARD_WINDOWS = ['week', 'month', 'all', 'challenge'] as const;
export type BoardWindow = (typeof BOARD_WINDOWS)[number];

/** Ranked by total points, or by points per active member. */
export const BOARD_SORTS = ['total', 'member'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export function isBoardKind(value: string): value is BoardKind {
	return (BOARD_KINDS as readonly string[]).includes(value);
}

/** The URL of a board (the window and sort are left out when they are the defaults). */
export function boardHref(
	kind: BoardKind,
	containerId: number,
	query: Partial<{ window: BoardWindow; sort: BoardSort; challenge: number }> = {}
): string {
	const params = new URLSearchParams();
	if (query.window && query.window !== 'week') params.set('window', query.window);
	if (query.window === 'challenge' && query.challenge) params.set('challenge', String(query.challenge));
	if (query.sort && query.sort !== 'total') params.set('sort', query.sort);
	const qs = params.toString();
	return `/boards/${kind}/${containerId}${qs ? `?${qs}` : ''}`;
}
