import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { neighbourhoodSchema, stewardSchema } from '$lib/schemas/structure';
import { fieldErrors } from '$lib/schemas/common';
import { listAreaTree, listModels } from '$lib/server/community/areas';
import {
	addSteward,
	createNeighbourhood,
	listNeighbourhoods,
	listStewards
} from '$lib/server/community/households';
import { formKey, readForm, refillValues } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';
import { setFlash } from '$lib/server/flash';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const db = await getDb();
	return {
		neighbourhoods: await listNeighbourhoods(db),
		stewards: await listStewards(db),
		areas: await listAreaTree(db),
		models: await listModels(db),
		idempotencyKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'organiser');
		const form = await readForm(event);
		const key = formKey(form);
		const values = refillValues(form, ['name', 'areaId', 'kind', 'modelId']);
		const parsed = neighbourhoodSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { form: 'create', values, errors: fieldErrors(parsed.error) });
		const res = await once(
			await getDb(),
			{ actor: { userId: user.id }, form: 'neighbourhood.create', key },
			(tx) => createNeighbourhood(tx, parsed.data)
		);
		if (!res.ok) return refuse(400, { form: 'create', values, errors: { [res.field]: res.error } });
		setFlash(event.cookies, 'structure.neighbourhood.saved');
		redirect(303, '/organiser/neighbourhoods');
	},
	steward: async (event) => {
		requireRole(event, 'organiser');
		const form = await readForm(event);
		const values = refillValues(form, ['neighbourhoodId', 'username'], 254);
		const parsed = stewardSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { form: 'steward', values, errors: fieldErrors(parsed.error) });
		const res = await addSteward(await getDb(), parsed.data.neighbourhoodId, parsed.data.username);
		if (!res.ok)
			return refuse(res.field === 'neighbourhoodId' ? 404 : 400, {
				form: 'steward',
				values,
				errors: { [res.field]: res.error }
			});
		setFlash(event.cookies, 'structure.steward.added');
		redirect(303, '/organiser/neighbourhoods');
	}
};
