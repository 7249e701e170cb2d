import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireClassTeacher } from '$lib/server/access/routes';
import { rosterSchema } from '$lib/schemas/structure';
import { classRealNames, importRoster } from '$lib/server/people/roster';
import { cleanRoster, type RosterNote } from '$lib/server/people/roster-paste';
import { qrPath } from '$lib/server/playground/qr';
import { readForm } from '$lib/server/form-values';
import { formatCardNumber } from '$lib/server/people/cards';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';
import type { MessageKey } from '$lib/i18n/vi';
import { firstError } from '$lib/schemas/common';

export const load: PageServerLoad = async (event) => {
	const { cls } = await requireClassTeacher(event);
	return { cls, importKey: crypto.randomUUID(), signInUrl: `${event.url.origin}/login` };
};

/** A refused roster: the names come back to edit, with the lines refused and those cleaned. */
const refuseRoster = (
	status: number,
	names: string,
	message: MessageKey,
	lists: { refused?: RosterNote[]; cleaned?: RosterNote[] } = {},
	params: Record<string, number> = {}
) => refuse(status, { values: { names }, message, params }, { refused: [], cleaned: [], ...lists });

/** Reads and cleans the pasted list; a refusal when it cannot be made as it is. */
async function readRoster(event: RequestEvent) {
	const { db, classId, user } = await requireClassTeacher(event);
	const form = await readForm(event);
	const raw = typeof form.names === 'string' ? form.names : '';
	const names = raw.slice(0, 12_000);
	const parsed = rosterSchema.safeParse({ names: raw, importKey: form.importKey });
	if (!parsed.success) return { refusal: refuseRoster(400, names, firstError(parsed.error)) };
	const clean = cleanRoster(parsed.data.names, await classRealNames(db, classId));
	if (clean.refused.length)
		return {
			refusal: refuseRoster(400, names, msg('structure.roster.refused'), {
				refused: clean.refused,
				cleaned: clean.cleaned
			})
		};
	if (clean.tooMany)
		return {
			refusal: refuseRoster(
				400,
				names,
				msg('structure.roster.tooMany'),
				{ cleaned: clean.cleaned },
				{ n: clean.tooMany }
			)
		};
	return { db, classId, user, names, clean, importKey: parsed.data.importKey };
}

export const actions: Actions = {
	// What would be made, line by line with its notes (header skipped, namesakes), before anything is.
	preview: async (event) => {
		const read = await readRoster(event);
		if ('refusal' in read) return read.refusal;
		if (!read.clean.names.length)
			return refuseRoster(400, read.names, msg('structure.roster.empty'), { cleaned: read.clean.cleaned });
		return { names: read.names, preview: read.clean.names, cleaned: read.clean.cleaned };
	},
	create: async (event) => {
		const read = await readRoster(event);
		if ('refusal' in read) return read.refusal;
		const { db, classId, user, names, clean } = read;
		const res = await importRoster(db, {
			classId,
			teacherId: user.id,
			importKey: read.importKey,
			names: clean.names.map((n) => n.name),
			locale: event.locals.locale
		});
		if (!res.ok)
			return refuseRoster(res.error === 'structure.roster.alreadyImported' ? 409 : 400, names, res.error, {
				cleaned: clean.cleaned
			});
		// The passwords live only in this response: the cards are printed from it. Each card also
		// carries the child's drop-off card number and its QR, for the steward's scanner: it only
		// credits plastic, so it can be shown at a collection point (the login part is cut off).
		return {
			cards: res.cards.map(({ displayName, nickname, username, password, dropOffCard }, i) => ({
				displayName,
				nickname,
				username,
				password,
				namesake: clean.names[i].namesakeOf !== undefined,
				dropOffCard: formatCardNumber(dropOffCard),
				qr: qrPath(dropOffCard)
			})),
			cleaned: clean.cleaned
		};
	}
};
