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
import { fieldErrors, formObject, type FieldErrors } from '$lib/schemas/common';
import { setFlash } from '$lib/server/flash';
import { msg } from '$lib/i18n/msg';
import type { MessageKey } from '$lib/i18n';

/** The organiser and an existing playground's id; 404 for an unknown one. */
async function guard(event: RequestEvent) {
	requireRole(event, 'organiser');
	const db = await getDb();
	const id = parseId(event.params.playgroundId);
	const playground = await getPlayground(db, id);
	if (!playground) error(404, { message: 'error.404' });
	return { db, id, playground };
}

function done(event: RequestEvent, id: number, flash: MessageKey): never {
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
		otherPoints: allPoints.filter((p) => !points.some((q) => q.id === p.id))
	};
};

export const actions: Actions = {
	state: async (event) => {
		const { db, id } = await guard(event);
		const parsed = playgroundStateSchema.safeParse(formObject(await event.request.formData()));
		if (!parsed.success) return fail(400, { form: 'state', errors: fieldErrors(parsed.error) });
		await setPlaygroundState(db, id, parsed.data.state);
		done(event, id, 'playground.organiser.stateSaved');
	},
	component: async (event) => {
		const { db, id } = await guard(event);
		const values = formObject(await event.request.formData());
		const parsed = componentSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'component', values, errors: fieldErrors(parsed.error) });
		await addComponent(db, id, parsed.data);
		done(event, id, 'playground.organiser.componentAdded');
	},
	point: async (event) => {
		const { db, id } = await guard(event);
		const values = formObject(await event.request.formData());
		const parsed = collectionPointSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'point', values, errors: fieldErrors(parsed.error) });
		await createCollectionPoint(db, id, parsed.data);
		done(event, id, 'playground.organiser.pointAdded');
	},
	link: async (event) => {
		const { db, id } = await guard(event);
		const parsed = linkPointSchema.safeParse(formObject(await event.request.formData()));
		if (!parsed.success || !(await linkPoint(db, parsed.data.pointId, id))) {
			return fail(400, {
				form: 'link',
				errors: { _: msg('playground.point.unknown') } as FieldErrors
			});
		}
		done(event, id, 'playground.organiser.linked');
	},
	steward: async (event) => {
		const { db, id } = await guard(event);
		const values = formObject(await event.request.formData());
		const parsed = stewardSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { form: `steward-${values.pointId}`, values, errors: fieldErrors(parsed.error) });
		const result = await addSteward(db, parsed.data.pointId, parsed.data.username);
		if (!result.ok)
			return fail(400, {
				form: `steward-${values.pointId}`,
				values,
				errors: { username: result.error } as FieldErrors
			});
		done(event, id, 'playground.organiser.stewardAdded');
	}
};
