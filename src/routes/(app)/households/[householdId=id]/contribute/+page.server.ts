import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireHousehold } from '$lib/server/access/routes';
import { householdStudents } from '$lib/server/access/membership';
import { listHouseholdContributions, openDropOffTargets } from '$lib/server/playground/lists';
import { listComponents } from '$lib/server/playground/playgrounds';
import { announceContribution } from '$lib/server/playground/contributions';
import { announceContributionSchema } from '$lib/schemas/playground';
import { fieldErrors } from '$lib/schemas/common';
import { setFlash } from '$lib/server/flash';
import { readForm } from '$lib/server/form-values';
import { appTimeZone } from '$lib/server/config';
import { refuse } from '$lib/server/refuse';

export const load: PageServerLoad = async (event) => {
	const {
		db,
		householdId,
		household: header,
		user,
		relation
	} = await requireHousehold(event, ['adult', 'student']);
	const targets = await openDropOffTargets(db);
	const playgroundIds = [...new Set(targets.map((t) => t.playgroundId))];
	const components = (
		await Promise.all(
			playgroundIds.map(async (id) =>
				(await listComponents(db, id)).map((c) => ({ id: c.id, name: c.name, playgroundId: id }))
			)
		)
	).flat();
	return {
		household: header,
		relation,
		self: { id: user.id, nickname: user.nickname },
		students: relation === 'adult' ? await householdStudents(db, householdId) : [],
		targets,
		components,
		history: await listHouseholdContributions(db, householdId),
		idempotencyKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	announce: async (event) => {
		const { db, householdId, user } = await requireHousehold(event, ['adult', 'student']);
		const values = await readForm(event);
		// One select carries "playgroundId:pointId", so the pair always matches.
		const [playgroundId, pointId] = String(values.target ?? '').split(':');
		const parsed = announceContributionSchema.safeParse({ ...values, playgroundId, pointId });
		if (!parsed.success) {
			const errors = fieldErrors(parsed.error);
			// The target select has no field of its own for these two: they are the form's message.
			return refuse(400, { values, errors, message: errors.playgroundId ?? errors.pointId });
		}
		const result = await announceContribution(db, user, householdId, parsed.data, new Date(), appTimeZone());
		if (!result.ok) return refuse(result.status, { values, message: result.error });
		setFlash(event.cookies, 'playground.contribute.announced');
		redirect(303, `/households/${householdId}/contribute`);
	}
};
