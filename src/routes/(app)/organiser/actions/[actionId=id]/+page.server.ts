import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/access/routes';
import { setFlash } from '$lib/server/flash';
import { catalogueActionSchema } from '$lib/schemas/actions';
import { fieldErrors } from '$lib/schemas/common';
import { getCatalogueAction, listImpactFactors, updateCatalogueAction } from '$lib/server/actions/catalogue';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const db = await getDb();
	const action = await getCatalogueAction(db, parseId(event.params.actionId));
	if (!action) error(404, { message: msg('error.404') });
	return { action, factors: await listImpactFactors(db) };
};

export const actions: Actions = {
	default: async (event) => {
		requireRole(event, 'organiser');
		const id = parseId(event.params.actionId);
		const raw = await readForm(event);
		const parsed = catalogueActionSchema.safeParse(raw);
		if (!parsed.success) return refuse(400, { values: raw, errors: fieldErrors(parsed.error) });
		const result = await updateCatalogueAction(await getDb(), id, parsed.data);
		if (!result.ok) {
			if (result.error === 'catalogue.notFound') error(404, { message: msg('error.404') });
			return refuse(400, { values: raw, errors: { impactFactorId: result.error } });
		}
		setFlash(event.cookies, 'catalogue.saved');
		redirect(303, '/organiser/actions');
	}
};
