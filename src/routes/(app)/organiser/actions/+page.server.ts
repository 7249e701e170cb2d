import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/access/routes';
import { setFlash } from '$lib/server/flash';
import { catalogueActionSchema } from '$lib/schemas/actions';
import { fieldErrors } from '$lib/schemas/common';
import {
	createCatalogueAction,
	listCatalogue,
	listImpactFactors,
	setActionRetired
} from '$lib/server/actions/catalogue';
import { formKey, readForm } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const db = await getDb();
	const [actions, factors] = await Promise.all([listCatalogue(db), listImpactFactors(db)]);
	return { actions, factors, idempotencyKey: crypto.randomUUID() };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'organiser');
		const raw = await readForm(event);
		const key = formKey(raw);
		const parsed = catalogueActionSchema.safeParse(raw);
		if (!parsed.success) return refuse(400, { values: raw, errors: fieldErrors(parsed.error) });
		const result = await once(
			await getDb(),
			{ actor: { userId: user.id }, form: 'action.create', key },
			(tx) => createCatalogueAction(tx, parsed.data)
		);
		if (!result.ok) return refuse(400, { values: raw, errors: { impactFactorId: result.error } });
		setFlash(event.cookies, 'catalogue.created');
		redirect(303, '/organiser/actions');
	},
	retire: async (event) => {
		requireRole(event, 'organiser');
		const form = await readForm(event);
		const id = parseId(form.id as string | undefined);
		const retire = form.retire === '1';
		if (!(await setActionRetired(await getDb(), id, retire)))
			return refuse(404, { values: {}, errors: { _: msg('catalogue.notFound') } });
		setFlash(event.cookies, retire ? 'catalogue.retiredDone' : 'catalogue.restoredDone');
		redirect(303, '/organiser/actions');
	}
};
