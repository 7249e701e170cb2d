import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { codeSchema } from '$lib/schemas/structure';
import { fieldErrors } from '$lib/schemas/common';
import { redeemInvite } from '$lib/server/community/schools';
import { codeRequester, throttleCode } from '$lib/server/auth/code-throttle';
import { setFlash } from '$lib/server/flash';
import { readForm } from '$lib/server/form-values';

// Open to visitors too, so an invite link can say "sign up first"; the action needs a user.
export const load: PageServerLoad = (event) => {
	return { code: (event.url.searchParams.get('code') ?? '').slice(0, 20), signedIn: !!event.locals.user };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event);
		const code = typeof form.code === 'string' ? form.code.slice(0, 20) : '';
		const parsed = codeSchema.safeParse(form);
		if (!parsed.success) return fail(400, { code, errors: fieldErrors(parsed.error) });
		const db = await getDb();
		const tried = await throttleCode(
			db,
			codeRequester(event),
			() => redeemInvite(db, user.id, parsed.data.code),
			(r) => !r.ok
		);
		if (tried.throttled) return fail(429, { code, errors: { code: 'structure.code.tooMany' } });
		const res = tried.result;
		if (!res.ok) return fail(400, { code, errors: { code: res.error } });
		setFlash(event.cookies, res.already ? 'structure.invite.already' : 'structure.invite.done');
		redirect(303, '/classes');
	}
};
