import { z } from 'zod';
import { msg } from '$lib/i18n/msg';
import { idSchema } from './common';

export * from './board-kinds';
import { BOARD_SORTS, BOARD_WINDOWS } from './board-kinds';

/** The board page's query string; a missing value takes its default, a wrong one is refused. */
export const boardQuerySchema = z
	.object({
		window: z.enum(BOARD_WINDOWS, { error: msg('board.error.window') }).default('week'),
		sort: z.enum(BOARD_SORTS, { error: msg('board.error.sort') }).default('total'),
		challenge: idSchema.optional()
	})
	.refine((q) => q.window !== 'challenge' || q.challenge !== undefined, {
		error: msg('board.error.challenge'),
		path: ['challenge']
	});
export type BoardQuery = z.infer<typeof boardQuerySchema>;

/** The teacher's switch for the student board of one class. */
export const studentBoardToggleSchema = z.object({
	enabled: z.enum(['on', 'off'], { error: msg('form.invalid') })
});
