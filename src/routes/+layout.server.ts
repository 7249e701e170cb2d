import type { LayoutServerLoad } from './$types';
import { takeFlash } from '$lib/server/flash';
import { appTimeZone } from '$lib/server/config';

export const load: LayoutServerLoad = ({ locals, cookies, request }) => {
	const u = locals.user;
	return {
		locale: locals.locale,
		user: u ? { id: u.id, nickname: u.nickname, displayName: u.displayName, roles: u.roles } : null,
		// The copy the service worker keeps for offline use must not take a confirmation meant for the person.
		flash: request.headers.has('x-songxanh-keep') ? null : takeFlash(cookies),
		// The device works out its local day in this zone when it records without a connection.
		timeZone: appTimeZone()
	};
};
