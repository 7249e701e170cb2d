import type { LayoutServerLoad } from './$types';
import { takeFlash } from '$lib/server/flash';
import { appTimeZone } from '$lib/server/config';
import { messages } from '$lib/i18n';

export const load: LayoutServerLoad = ({ locals, cookies, request, url }) => {
	// A confirmation is for the page it lands on. Reading the path makes this load run again on
	// each navigation in the app, and the next page, finding the cookie gone, shows none.
	void url.pathname;
	const u = locals.user;
	// The copy the service worker keeps for offline use must not take a confirmation meant for the person.
	const flash = request.headers.has('x-songxanh-keep') ? null : takeFlash(cookies);
	return {
		locale: locals.locale,
		user: u ? { id: u.id, nickname: u.nickname, displayName: u.displayName, roles: u.roles } : null,
		// With its words: the page it lands on may not show that key otherwise.
		flash: flash ? { key: flash, message: messages[locals.locale][flash] } : null,
		// The device works out its local day in this zone when it records without a connection.
		timeZone: appTimeZone()
	};
};
