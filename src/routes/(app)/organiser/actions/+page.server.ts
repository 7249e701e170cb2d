import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/access/routes';
import { setFlash } from '$lib/server/flash';
import { catalogueActionSchema } from '$lib/schemas/actions';
import { fieldErrors, formObject, type FieldErrors } from '$lib/schemas/common';
import {
	createCatalogueAction,
	listCatalogue,
	listImpactFactors,
	setActionRetired
} from '$lib/server/actions/catalogue';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const db = await getDb();
	const [actions, factors] = await Promise.all([listCatalogue(db), listImpactFactors(db)]);
	return { actions, factors };
};

export const actions: Actions = {
	create: async (event) => {
		requireRole(event, 'organiser');
		const raw = formObject(await event.request.formData());
		const parsed = catalogueActionSchema.safeParse(raw);
		if (!parsed.success) return fail(400, { values: raw, errors: fieldErrors(parsed.error) });
		const result = await createCatalogueAction(await getDb(), parsed.data);
		if (!result.ok)
			return fail(400, { values: raw, errors: { impactFactorId: result.error } as FieldErrors });
		setFlash(event.cookies, 'catalogue.created');
		redirect(303, '/organiser/actions');
	},
	retire: async (event) => {
		requireRole(event, 'organiser');
		const data = await event.request.formData();
		const id = parseId(data.get('id') as string | null);
		const retire = data.get('retire') === '1';
		if (!(await setActionRetired(await getDb(), id, retire)))
			return fail(404, { values: {}, errors: { _: 'catalogue.notFound' } as FieldErrors });
		setFlash(event.cookies, retire ? 'catalogue.retiredDone' : 'catalogue.restoredDone');
		redirect(303, '/organiser/actions');
	}
};
