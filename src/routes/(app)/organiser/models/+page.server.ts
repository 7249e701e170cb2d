import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { communityModel } from '$lib/server/db/schema';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/access/routes';
import { modelSchema } from '$lib/schemas/structure';
import { fieldErrors } from '$lib/schemas/common';
import { listAreaTree, listModels, saveModel } from '$lib/server/community/areas';
import { formKey, readForm, refillValues } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';
import { setFlash } from '$lib/server/flash';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

const FIELDS = [
	'id',
	'nameVi',
	'nameEn',
	'areaId',
	'hostKind',
	'hostName',
	'kind',
	'descriptionVi',
	'descriptionEn'
] as const;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const db = await getDb();
	return { models: await listModels(db), areas: await listAreaTree(db), idempotencyKey: crypto.randomUUID() };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, 'organiser');
		const form = await readForm(event);
		const values = refillValues(form, FIELDS);
		const db = await getDb();
		const id = form.id ? parseId(String(form.id)) : undefined;
		// A new model carries an idempotency key; an edit is the same whenever it is repeated.
		const key = id ? null : formKey(form);
		if (id) {
			const [row] = await db
				.select({ id: communityModel.id })
				.from(communityModel)
				.where(eq(communityModel.id, id));
			if (!row) return refuse(404, { values, errors: { _: msg('error.404') } });
		}
		const parsed = modelSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });
		const res = key
			? await once(db, { actor: { userId: user.id }, form: 'model.create', key }, (tx) =>
					saveModel(tx, parsed.data)
				)
			: await saveModel(db, parsed.data, id);
		if (!res.ok) return refuse(400, { values, errors: { [res.field]: res.error } });
		setFlash(event.cookies, 'structure.model.saved');
		redirect(303, '/organiser/models');
	}
};
