import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { school } from '$lib/server/db/schema';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/access/routes';
import { schoolSchema } from '$lib/schemas/structure';
import { fieldErrors } from '$lib/schemas/common';
import { listAreaTree, listModels } from '$lib/server/community/areas';
import { createInvite, createSchool, listInvites, listSchools } from '$lib/server/community/schools';
import { formKey, readForm, refillValues } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';
import { setFlash } from '$lib/server/flash';
import { appTimeZone } from '$lib/server/config';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const db = await getDb();
	const schools = await listSchools(db);
	const invites = await Promise.all(schools.map((s) => listInvites(db, s.id)));
	return {
		schools: schools.map((s, i) => ({ ...s, invites: invites[i] })),
		areas: await listAreaTree(db),
		models: await listModels(db),
		now: Date.now(),
		tz: appTimeZone(),
		joinUrl: `${event.url.origin}/teacher/join`,
		idempotencyKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'organiser');
		const form = await readForm(event);
		const key = formKey(form);
		const values = refillValues(form, ['name', 'areaId', 'modelId']);
		const parsed = schoolSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });
		const res = await once(await getDb(), { actor: { userId: user.id }, form: 'school.create', key }, (tx) =>
			createSchool(tx, parsed.data)
		);
		if (!res.ok) return refuse(400, { values, errors: { [res.field]: res.error } });
		setFlash(event.cookies, 'structure.school.saved');
		redirect(303, '/organiser/schools');
	},
	invite: async (event) => {
		const user = requireRole(event, 'organiser');
		const form = await readForm(event);
		const key = formKey(form);
		const schoolId = parseId(form.schoolId as string | undefined);
		const db = await getDb();
		const [row] = await db.select({ id: school.id }).from(school).where(eq(school.id, schoolId));
		if (!row) return refuse(404, { errors: { _: msg('error.404') } });
		const invite = await once(
			db,
			{ actor: { userId: user.id }, form: `school.invite:${schoolId}`, key },
			async (tx) => ({
				ok: true,
				code: (await createInvite(tx, schoolId, user.id)).code
			})
		);
		return {
			invite: { schoolId, code: invite.code, link: `${event.url.origin}/teacher/join?code=${invite.code}` }
		};
	}
};
