import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/access/routes';
import {
	addComponent,
	getPlayground,
	listComponents,
	setPlaygroundState
} from '$lib/server/playground/playgrounds';
import {
	addServedNeighbourhood,
	addSteward,
	createCollectionPoint,
	linkPoint,
	listAllPoints,
	pointFeeds,
	pointsForPlayground,
	servedNeighbourhoods
} from '$lib/server/playground/points';
import { listNeighbourhoods } from '$lib/server/community/households';
import { serveSchema } from '$lib/schemas/trust';
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
import { refuse } from '$lib/server/refuse';
import type { MessageKey } from '$lib/i18n/vi';
import { msg } from '$lib/i18n/msg';

/** The organiser and an existing playground's id; 404 for an unknown one. */
async function guard(event: RequestEvent) {
	const user = requireRole(event, 'organiser');
	const db = await getDb();
	const id = parseId(event.params.playgroundId);
	const playground = await getPlayground(db, id);
	if (!playground) error(404, { message: msg('error.404') });
	return { db, id, playground, user };
}

function done(event: RequestEvent, id: number, flash: MessageKey): never {
	setFlash(event.cookies, flash);
	redirect(303, `/organiser/playgrounds/${id}`);
}

export const load: PageServerLoad = async (event) => {
	const { db, id, playground } = await guard(event);
	const [components, points, allPoints, neighbourhoods] = await Promise.all([
		listComponents(db, id),
		pointsForPlayground(db, id),
		listAllPoints(db),
		listNeighbourhoods(db)
	]);
	const served = await servedNeighbourhoods(
		db,
		points.map((p) => p.id)
	);
	return {
		playground,
		components,
		points: points.map((p) => ({ ...p, served: served.filter((n) => n.pointId === p.id) })),
		neighbourhoods: neighbourhoods.map((n) => ({ id: n.id, name: n.name })),
		otherPoints: allPoints.filter((p) => !points.some((q) => q.id === p.id)),
		idempotencyKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	state: async (event) => {
		const { db, id } = await guard(event);
		const parsed = playgroundStateSchema.safeParse(await readForm(event));
		if (!parsed.success) return refuse(400, { form: 'state', errors: fieldErrors(parsed.error) });
		await setPlaygroundState(db, id, parsed.data.state);
		done(event, id, 'playground.organiser.stateSaved');
	},
	component: async (event) => {
		const { db, id, user } = await guard(event);
		const values = await readForm(event, { arrays: ['materials'] });
		const key = formKey(values);
		const parsed = componentSchema.safeParse(values);
		if (!parsed.success) return refuse(400, { form: 'component', values, errors: fieldErrors(parsed.error) });
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
		if (!parsed.success) return refuse(400, { form: 'point', values, errors: fieldErrors(parsed.error) });
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
			return refuse(400, { form: 'link', message: msg('playground.point.unknown') });
		}
		done(event, id, 'playground.organiser.linked');
	},
	/** Widens whom the point's stewards may look up by name: one more neighbourhood. */
	serve: async (event) => {
		const { db, id } = await guard(event);
		const parsed = serveSchema.safeParse(await readForm(event));
		if (!parsed.success || !(await pointFeeds(db, parsed.data.pointId, id)))
			return refuse(400, { form: 'serve', message: msg('trust.serve.unknown') });
		if (!(await addServedNeighbourhood(db, parsed.data.pointId, parsed.data.neighbourhoodId)))
			return refuse(400, { form: 'serve', message: msg('trust.serve.unknown') });
		done(event, id, 'trust.serve.added');
	},
	steward: async (event) => {
		const { db, id } = await guard(event);
		const values = await readForm(event);
		const parsed = stewardSchema.safeParse(values);
		if (!parsed.success)
			return refuse(400, { form: `steward-${values.pointId}`, values, errors: fieldErrors(parsed.error) });
		const result = await addSteward(db, parsed.data.pointId, parsed.data.username);
		if (!result.ok)
			return refuse(400, {
				form: `steward-${values.pointId}`,
				values,
				errors: { username: result.error }
			});
		done(event, id, 'playground.organiser.stewardAdded');
	}
};
