import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/access/routes';
import { areaSchema } from '$lib/schemas/structure';
import { fieldErrors } from '$lib/schemas/common';
import { areaExists, listAreaTree, saveArea } from '$lib/server/community/areas';
import { formKey, readForm, refillValues } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';
import { setFlash } from '$lib/server/flash';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

const FIELDS = ['id', 'nameVi', 'nameEn', 'kind', 'parentId'] as const;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const db = await getDb();
	return { areas: await listAreaTree(db), idempotencyKey: crypto.randomUUID() };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, 'organiser');
		const form = await readForm(event);
		const db = await getDb();
		const id = form.id ? parseId(String(form.id)) : undefined;
		// A new area carries an idempotency key; an edit is the same whenever it is repeated.
		const key = id ? null : formKey(form);
		if (id && !(await areaExists(db, id)))
			return refuse(404, { values: refillValues(form, FIELDS), errors: { _: msg('error.404') } });
		const parsed = areaSchema.safeParse(form);
		if (!parsed.success)
			return refuse(400, { values: refillValues(form, FIELDS), errors: fieldErrors(parsed.error) });
		const res = key
			? await once(db, { actor: { userId: user.id }, form: 'area.create', key }, (tx) =>
					saveArea(tx, parsed.data)
				)
			: await saveArea(db, parsed.data, id);
		if (!res.ok)
			return refuse(400, {
				values: refillValues(form, FIELDS),
				errors: { [res.field]: res.error }
			});
		setFlash(event.cookies, 'structure.area.saved');
		redirect(303, '/organiser/areas');
	}
};
