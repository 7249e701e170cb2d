import type { LayoutServerLoad } from './$types';
import { takeFlash } from '$lib/server/flash';

export const load: LayoutServerLoad = ({ locals, cookies }) => {
	const u = locals.user;
	return {
		locale: locals.locale,
		user: u ? { id: u.id, nickname: u.nickname, displayName: u.displayName, roles: u.roles } : null,
		flash: takeFlash(cookies)
	};
};
