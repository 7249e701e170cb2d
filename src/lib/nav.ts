import type { Role } from '$lib/domain/roles';
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
export const NAV_ITEMS: NavItem[] = [
	{ href: '/', label: 'nav.home', public: true },
	{ href: '/today', label: 'nav.today', roles: ['student', 'household'] },
	{ href: '/me', label: 'nav.me', roles: ['student', 'household'] },
	{ href: '/challenges', label: 'nav.challenges', roles: ['teacher', 'steward', 'organiser'] },
	{ href: '/boards', label: 'board.nav' },
	{ href: '/join', label: 'nav.join', public: true, roles: [] },
	{ href: '/classes', label: 'nav.classes', roles: ['teacher'] },
	{ href: '/households', label: 'nav.household', roles: ['household', 'student'] },
	{ href: '/pledges', label: 'pledge.nav', roles: ['student', 'household'] },
	{ href: '/children', label: 'nav.children', roles: ['household', 'teacher'] },
	{ href: '/organiser/schools', label: 'nav.manage', roles: ['organiser'] },
	{ href: '/models', label: 'nav.models', public: true },
	{ href: '/playgrounds', label: 'nav.playgrounds', public: true },
	{ href: '/steward', label: 'nav.steward', roles: ['steward'] },
	{ href: '/organiser/playgrounds', label: 'nav.organiserPlaygrounds', roles: ['organiser'] },
	{ href: '/organiser/actions', label: 'nav.actionsAdmin', roles: ['organiser'] },
	{ href: '/organiser/impact', label: 'nav.impact', roles: ['organiser'] }
];

export function navFor(roles: Role[] | null): NavItem[] {
	if (!roles) return NAV_ITEMS.filter((i) => i.public);
	return NAV_ITEMS.filter((i) => !i.roles || i.roles.some((r) => roles.includes(r)));
}
