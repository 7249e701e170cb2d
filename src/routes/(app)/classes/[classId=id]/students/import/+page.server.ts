import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireClassTeacher } from '$lib/server/access/routes';
import { rosterSchema } from '$lib/schemas/structure';
import { classRealNames, importRoster } from '$lib/server/people/roster';
import { cleanRoster, type RosterNote } from '$lib/server/people/roster-paste';
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

/** Reads and cleans the pasted list; a refusal when it cannot be made as it is. */
async function readRoster(event: RequestEvent) {
	const { db, classId, user } = await requireClassTeacher(event);
	const form = await readForm(event);
	const raw = typeof form.names === 'string' ? form.names : '';
	const names = raw.slice(0, 12_000);
	const parsed = rosterSchema.safeParse({ names: raw, importKey: form.importKey });
	if (!parsed.success) {
		const error = parsed.error.issues[0]?.message ?? 'form.invalid';
		return { refusal: refuse(400, { names, refused: [], cleaned: [], error }) };
	}
	const clean = cleanRoster(parsed.data.names, await classRealNames(db, classId));
	if (clean.refused.length)
		return {
			refusal: refuse(400, {
				names,
				refused: clean.refused,
				cleaned: clean.cleaned,
				error: 'structure.roster.refused'
			})
		};
	if (clean.tooMany)
		return {
			refusal: refuse(400, {
				names,
				refused: [],
				cleaned: clean.cleaned,
				error: 'structure.roster.tooMany',
				params: { n: clean.tooMany }
			})
		};
	return { db, classId, user, names, clean, importKey: parsed.data.importKey };
}

export const actions: Actions = {
	// What would be made, line by line with its notes (header skipped, namesakes), before anything is.
	preview: async (event) => {
		const read = await readRoster(event);
		if ('refusal' in read) return read.refusal;
		if (!read.clean.names.length)
			return refuse(400, {
				names: read.names,
				refused: [],
				cleaned: read.clean.cleaned,
				error: 'structure.roster.empty'
			});
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
