import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';

// A convenience only: every page and action below calls its own guard as well.
export const load: LayoutServerLoad = (event) => {
	requireUser(event);
	return {};
};
