import { z } from 'zod';
import { idSchema } from './common';

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

/** The board page's query string; a missing value takes its default, a wrong one is refused. */
export const boardQuerySchema = z
	.object({
		window: z.enum(BOARD_WINDOWS, { error: 'board.error.window' }).default('week'),
		sort: z.enum(BOARD_SORTS, { error: 'board.error.sort' }).default('total'),
		challenge: idSchema.optional()
	})
	.refine((q) => q.window !== 'challenge' || q.challenge !== undefined, {
		error: 'board.error.challenge',
		path: ['challenge']
	});
export type BoardQuery = z.infer<typeof boardQuerySchema>;

/** The teacher's switch for the student board of one class. */
export const studentBoardToggleSchema = z.object({
	enabled: z.enum(['on', 'off'], { error: 'form.invalid' })
});

/** The URL of a board (the window and sort are left out when they are the defaults). */
export function boardHref(kind: BoardKind, containerId: number, query: Partial<BoardQuery> = {}): string {
	const params = new URLSearchParams();
	if (query.window && query.window !== 'week') params.set('window', query.window);
	if (query.window === 'challenge' && query.challenge) params.set('challenge', String(query.challenge));
	if (query.sort && query.sort !== 'total') params.set('sort', query.sort);
	const qs = params.toString();
	return `/boards/${kind}/${containerId}${qs ? `?${qs}` : ''}`;
}
