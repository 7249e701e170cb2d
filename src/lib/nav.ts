import type { Role } from '$lib/server/db/schema/auth';
import type { MessageKey } from '$lib/i18n';

export interface NavItem {
	href: string;
	label: MessageKey;
	/** Shown to anyone holding one of these roles; omitted = every signed-in user. */
	roles?: Role[];
	/** Shown to visitors who are not signed in. */
	public?: boolean;
}

/** The main navigation; each domain adds its entries here. */
export const NAV_ITEMS: NavItem[] = [{ href: '/', label: 'nav.home', public: true }];

export function navFor(roles: Role[] | null): NavItem[] {
	if (!roles) return NAV_ITEMS.filter((i) => i.public);
	return NAV_ITEMS.filter((i) => !i.roles || i.roles.some((r) => roles.includes(r)));
}
