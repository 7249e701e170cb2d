import type { Actions, PageServerLoad } from './$types';
import { requireClassTeacher } from '$lib/server/access/routes';
import { rosterSchema } from '$lib/schemas/structure';
import { classRealNames, cleanRoster, importRoster, type RosterNote } from '$lib/server/people/roster';
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

export const actions: Actions = {
	default: async (event) => {
		const { db, classId, user } = await requireClassTeacher(event);
		const form = await readForm(event);
		const raw = typeof form.names === 'string' ? form.names : '';
		const parsed = rosterSchema.safeParse({ names: raw, importKey: form.importKey });
		const names = raw.slice(0, 12_000);
		if (!parsed.success) {
			return refuseRoster(400, names, firstError(parsed.error));
		}
		const clean = cleanRoster(parsed.data.names, await classRealNames(db, classId));
		if (clean.refused.length)
			return refuseRoster(400, names, msg('structure.roster.refused'), {
				refused: clean.refused,
				cleaned: clean.cleaned
			});
		if (clean.tooMany) {
			return refuseRoster(
				400,
				names,
				msg('structure.roster.tooMany'),
				{ cleaned: clean.cleaned },
				{ n: clean.tooMany }
			);
		}
		const res = await importRoster(db, {
			classId,
			teacherId: user.id,
			importKey: parsed.data.importKey,
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
			cards: res.cards.map(({ displayName, nickname, username, password, dropOffCard }) => ({
				displayName,
				nickname,
				username,
				password,
				dropOffCard: formatCardNumber(dropOffCard),
				qr: qrPath(dropOffCard)
			})),
			cleaned: clean.cleaned
		};
	}
};
