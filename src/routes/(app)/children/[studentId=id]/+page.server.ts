import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireChild } from '$lib/server/access/routes';
import { eraseSchema } from '$lib/schemas/structure';
import { erasePerson } from '$lib/server/people/erasure';
import { nameKey } from '$lib/server/people/roster-paste';
import { setFlash } from '$lib/server/flash';
import { describeEntries } from '$lib/server/people/child-entries';
import { z } from 'zod';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

const PAGE_SIZE = 50;
const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

// Every entry is reachable: newest first, a page at a time, each named in the reader's language.
export const load: PageServerLoad = async (event) => {
	const { db, child } = await requireChild(event);
	const total = child.entries.length;
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(pageSchema.parse(event.url.searchParams.get('page') ?? 1), pages);
	const newestFirst = child.entries.toReversed();
	const shown = newestFirst.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
	// Voids name what they undid, which may sit on another page.
	const undone = new Set(shown.map((e) => e.reverses).filter((id) => id !== null));
	const what = await describeEntries(
		db,
		child.entries.filter((e) => shown.includes(e) || undone.has(e.id)),
		event.locals.locale
	);
	return {
		child: { ...child, entries: shown.map((e) => ({ ...e, what: what.get(e.id) ?? e.sourceKind })) },
		paging: {
			page,
			pages,
			total,
			from: total ? (page - 1) * PAGE_SIZE + 1 : 0,
			to: (page - 1) * PAGE_SIZE + shown.length
		}
	};
};

export const actions: Actions = {
	erase: async (event) => {
		const { db, studentId, child } = await requireChild(event);
		const parsed = eraseSchema.safeParse(await readForm(event));
		if (!parsed.success || nameKey(parsed.data.confirm) !== nameKey(child.profile.nickname)) {
			return refuse(400, { message: msg('structure.children.eraseMismatch') });
		}
		await erasePerson(db, studentId);
		setFlash(event.cookies, 'structure.children.erased');
		redirect(303, '/children');
	}
};
