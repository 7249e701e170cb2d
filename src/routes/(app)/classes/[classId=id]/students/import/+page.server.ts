import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireClassTeacher } from '$lib/server/access/routes';
import { rosterSchema } from '$lib/schemas/structure';
import { classRealNames, cleanRoster, importRoster, type RosterNote } from '$lib/server/people/roster';
import { qrPath } from '$lib/server/playground/qr';
import { readForm } from '$lib/server/form-values';
import { formatCardNumber } from '$lib/server/people/cards';

export const load: PageServerLoad = async (event) => {
	const { cls } = await requireClassTeacher(event);
	return { cls, importKey: crypto.randomUUID(), signInUrl: `${event.url.origin}/login` };
};

type Refusal = {
	names: string;
	refused: RosterNote[];
	cleaned: RosterNote[];
	error: string;
	params?: Record<string, number>;
};
const refuse = (status: number, r: Refusal) => fail(status, r);

export const actions: Actions = {
	default: async (event) => {
		const { db, classId, user } = await requireClassTeacher(event);
		const form = await readForm(event);
		const raw = typeof form.names === 'string' ? form.names : '';
		const parsed = rosterSchema.safeParse({ names: raw, importKey: form.importKey });
		const names = raw.slice(0, 12_000);
		if (!parsed.success) {
			return refuse(400, {
				names,
				refused: [],
				cleaned: [],
				error: parsed.error.issues[0]?.message ?? 'form.invalid'
			});
		}
		const clean = cleanRoster(parsed.data.names, await classRealNames(db, classId));
		if (clean.refused.length)
			return refuse(400, {
				names,
				refused: clean.refused,
				cleaned: clean.cleaned,
				error: 'structure.roster.refused'
			});
		if (clean.tooMany) {
			return refuse(400, {
				names,
				refused: [],
				cleaned: clean.cleaned,
				error: 'structure.roster.tooMany',
				params: { n: clean.tooMany }
			});
		}
		const res = await importRoster(db, {
			classId,
			teacherId: user.id,
			importKey: parsed.data.importKey,
			names: clean.names.map((n) => n.name),
			locale: event.locals.locale
		});
		if (!res.ok)
			return refuse(res.error === 'structure.roster.alreadyImported' ? 409 : 400, {
				names,
				refused: [],
				cleaned: clean.cleaned,
				error: res.error
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
