import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { codeSchema } from '$lib/schemas/structure';
import { fieldErrors } from '$lib/schemas/common';
import { redeemInvite } from '$lib/server/community/schools';
import { codeRequester, throttleCode } from '$lib/server/auth/code-throttle';
import { setFlash } from '$lib/server/flash';
import { readForm } from '$lib/server/form-values';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

// Open to visitors too, so an invite link can say "sign up first"; the action needs a user.
export const load: PageServerLoad = (event) => {
	return { code: (event.url.searchParams.get('code') ?? '').slice(0, 20), signedIn: !!event.locals.user };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event);
		const values = { code: typeof form.code === 'string' ? form.code.slice(0, 20) : '' };
		const parsed = codeSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });
		const db = await getDb();
		const tried = await throttleCode(
			db,
			codeRequester(event),
			() => redeemInvite(db, user.id, parsed.data.code),
			(r) => !r.ok
		);
		if (tried.throttled) return refuse(429, { values, errors: { code: msg('structure.code.tooMany') } });
		const res = tried.result;
		if (!res.ok) return refuse(400, { values, errors: { code: res.error } });
		setFlash(event.cookies, res.already ? 'structure.invite.already' : 'structure.invite.done');
		redirect(303, '/classes');
	}
};
