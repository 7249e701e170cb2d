import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { codeSchema } from '$lib/schemas/structure';
import { fieldErrors, formObject } from '$lib/schemas/common';
import { redeemInvite } from '$lib/server/community/schools';
import { CODE_LIMIT, codeKey, lockedFor, recordFailure } from '$lib/server/community/code-limit';
import { setFlash } from '$lib/server/flash';
import { msg } from '$lib/i18n/msg';
import { refuse } from '$lib/server/refuse';

// Open to visitors too, so an invite link can say "sign up first"; the action needs a user.
export const load: PageServerLoad = (event) => {
	return { code: (event.url.searchParams.get('code') ?? '').slice(0, 20), signedIn: !!event.locals.user };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = formObject(await event.request.formData());
		const values = { code: typeof form.code === 'string' ? form.code.slice(0, 20) : '' };
		const parsed = codeSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });
		const db = await getDb();
		const key = codeKey('invite', event.getClientAddress());
		if (await lockedFor(db, [key]))
			return refuse(429, { values, errors: { code: msg('structure.code.tooMany') } });
		const res = await redeemInvite(db, user.id, parsed.data.code);
		if (!res.ok) {
			await recordFailure(db, key, CODE_LIMIT);
			return refuse(400, { values, errors: { code: res.error } });
		}
		setFlash(event.cookies, res.already ? 'structure.invite.already' : 'structure.invite.done');
		redirect(303, '/classes');
	}
};
