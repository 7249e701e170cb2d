import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/auth/scoped';
import {
	addComponent,
	getPlayground,
	listComponents,
	setPlaygroundState
} from '$lib/server/playground/playgrounds';
import {
	addSteward,
	createCollectionPoint,
	linkPoint,
	listAllPoints,
	pointsForPlayground
} from '$lib/server/playground/points';
import {
	collectionPointSchema,
	componentSchema,
	linkPointSchema,
	playgroundStateSchema,
	stewardSchema
} from '$lib/schemas/playground';
import { fieldErrors } from '$lib/schemas/common';
import { setFlash } from '$lib/server/flash';
import { formKey, readForm } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';

/** The organiser and an existing playground's id; 404 for an unknown one. */
async function guard(event: RequestEvent) {
	const user = requireRole(event, 'organiser');
	const db = await getDb();
	const id = parseId(event.params.playgroundId);
	const playground = await getPlayground(db, id);
	if (!playground) error(404, { message: 'error.404' });
	return { db, id, playground, user };
}

function done(event: RequestEvent, id: number, flash: string): never {
	setFlash(event.cookies, flash);
	redirect(303, `/organiser/playgrounds/${id}`);
}

export const load: PageServerLoad = async (event) => {
	const { db, id, playground } = await guard(event);
	const [components, points, allPoints] = await Promise.all([
		listComponents(db, id),
		pointsForPlayground(db, id),
		listAllPoints(db)
	]);
	return {
		playground,
		components,
		points,
		otherPoints: allPoints.filter((p) => !points.some((q) => q.id === p.id)),
		idempotencyKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	state: async (event) => {
		const { db, id } = await guard(event);
		const parsed = playgroundStateSchema.safeParse(await readForm(event));
		if (!parsed.success) return fail(400, { form: 'state', errors: fieldErrors(parsed.error) });
		await setPlaygroundState(db, id, parsed.data.state);
		done(event, id, 'playground.organiser.stateSaved');
	},
	component: async (event) => {
		const { db, id, user } = await guard(event);
		const values = await readForm(event, { arrays: ['materials'] });
		const key = formKey(values);
		const parsed = componentSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'component', values, errors: fieldErrors(parsed.error) });
		await once(db, { actor: { userId: user.id }, form: `playground.component:${id}`, key }, async (tx) => ({
			ok: true,
			id: (await addComponent(tx, id, parsed.data)).id
		}));
		done(event, id, 'playground.organiser.componentAdded');
	},
	point: async (event) => {
		const { db, id, user } = await guard(event);
		const values = await readForm(event);
		const key = formKey(values);
		const parsed = collectionPointSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'point', values, errors: fieldErrors(parsed.error) });
		await once(db, { actor: { userId: user.id }, form: `playground.point:${id}`, key }, async (tx) => ({
			ok: true,
			id: (await createCollectionPoint(tx, id, parsed.data))?.id ?? null
		}));
		done(event, id, 'playground.organiser.pointAdded');
	},
	link: async (event) => {
		const { db, id } = await guard(event);
		const parsed = linkPointSchema.safeParse(await readForm(event));
		if (!parsed.success || !(await linkPoint(db, parsed.data.pointId, id))) {
			return fail(400, { form: 'link', errors: { _: 'playground.point.unknown' } as Record<string, string> });
		}
		done(event, id, 'playground.organiser.linked');
	},
	steward: async (event) => {
		const { db, id } = await guard(event);
		const values = await readForm(event);
		const parsed = stewardSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { form: `steward-${values.pointId}`, values, errors: fieldErrors(parsed.error) });
		const result = await addSteward(db, parsed.data.pointId, parsed.data.username);
		if (!result.ok)
			return fail(400, {
				form: `steward-${values.pointId}`,
				values,
				errors: { username: result.error } as Record<string, string>
			});
		done(event, id, 'playground.organiser.stewardAdded');
	}
};
