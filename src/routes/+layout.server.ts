import type { LayoutServerLoad } from './$types';
import { takeFlash } from '$lib/server/flash';
import { appTimeZone } from '$lib/server/config';
import { pageMessages } from '$lib/server/messages';

// Reads `route`, so it runs again on every navigation: each page brings its own messages.
export const load: LayoutServerLoad = ({ locals, cookies, request, route }) => {
	const u = locals.user;
	// The copy the service worker keeps for offline use must not take a confirmation meant for the person.
	const flash = request.headers.has('x-songxanh-keep') ? null : takeFlash(cookies);
	return {
		locale: locals.locale,
		user: u ? { id: u.id, nickname: u.nickname, displayName: u.displayName, roles: u.roles } : null,
		flash,
		// The device works out its local day in this zone when it records without a connection.
		timeZone: appTimeZone(),
		messages: pageMessages(locals.locale, route.id, flash ? [flash] : [])
	};
};
