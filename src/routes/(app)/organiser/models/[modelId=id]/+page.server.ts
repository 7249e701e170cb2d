import { error, redirect } from '@sveltejs/kit';
import { refuse } from '$lib/server/refuse';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { communityModel } from '$lib/server/db/schema';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/access/routes';
import { fieldErrors } from '$lib/schemas/common';
import { modelStorySchema } from '$lib/schemas/impact';
import { saveModelStory } from '$lib/server/impact/model-page';
import { readForm, refillValues } from '$lib/server/form-values';
import { setFlash } from '$lib/server/flash';

const FIELDS = ['workedVi', 'workedEn', 'hardVi', 'hardEn', 'supportVi', 'supportEn', 'contact'] as const;

async function findModel(modelId: number) {
	const db = await getDb();
	const [row] = await db.select().from(communityModel).where(eq(communityModel.id, modelId));
	return row ?? null;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const model = await findModel(parseId(event.params.modelId));
	if (!model) error(404, { message: 'error.404' });
	return {
		model: { id: model.id, nameVi: model.nameVi, nameEn: model.nameEn, storyUpdatedAt: model.storyUpdatedAt },
		values: Object.fromEntries(FIELDS.map((f) => [f, model[f]])) as Record<(typeof FIELDS)[number], string>
	};
};

export const actions: Actions = {
	default: async (event) => {
		requireRole(event, 'organiser');
		const modelId = parseId(event.params.modelId);
		if (!(await findModel(modelId))) error(404, { message: 'error.404' });
		const form = await readForm(event);
		const values = refillValues(form, FIELDS, 8000);
		const parsed = modelStorySchema.safeParse(form);
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });
		await saveModelStory(await getDb(), modelId, parsed.data);
		setFlash(event.cookies, 'model.saved');
		redirect(303, `/models/${modelId}`);
	}
};
