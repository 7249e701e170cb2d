import type { Role } from '$lib/domain/roles';
import type { MessageKey } from '$lib/i18n';

export interface NavItem {
	href: string;
	label: MessageKey;
	/** A shorter label for a phone's bottom bar, where a cell is a fifth of 360 px. */
	short?: MessageKey;
	/** Shown to anyone holding one of these roles; omitted = every signed-in user, [] = nobody signed in. */
	roles?: Role[];
	/** Shown to visitors who are not signed in. */
	public?: boolean;
	/** A POST form (signing out), never a link: no state change on GET. */
	post?: true;
}

/** The main navigation; each domain adds its entries here. */
const NAV_ITEMS: NavItem[] = [
	{ href: '/', label: 'nav.home', public: true },
	{ href: '/today', label: 'nav.today', roles: ['student', 'household'] },
	{ href: '/me', label: 'nav.me', roles: ['student', 'household'] },
	{
		href: '/challenges',
		label: 'nav.challenges',
		short: 'nav.challengesShort',
		roles: ['teacher', 'steward', 'organiser']
	},
	{ href: '/boards', label: 'board.nav', short: 'board.navShort' },
	{ href: '/join', label: 'nav.join', public: true, roles: [] },
	{ href: '/classes', label: 'nav.classes', roles: ['teacher'] },
	{ href: '/households', label: 'nav.household', roles: ['household', 'student'] },
	{ href: '/pledges', label: 'pledge.nav', roles: ['student', 'household'] },
	{ href: '/children', label: 'nav.children', roles: ['household', 'teacher'] },
	{ href: '/organiser/schools', label: 'nav.manage', roles: ['organiser'] },
	{ href: '/models', label: 'nav.models', public: true },
	{ href: '/playgrounds', label: 'nav.playgrounds', short: 'nav.playgroundsShort', public: true },
	{ href: '/steward', label: 'nav.steward', roles: ['steward'] },
	{
		href: '/organiser/playgrounds',
		label: 'nav.organiserPlaygrounds',
		short: 'nav.organiserPlaygroundsShort',
		roles: ['organiser']
	},
	{ href: '/organiser/actions', label: 'nav.actionsAdmin', roles: ['organiser'] },
	{ href: '/organiser/impact', label: 'nav.impact', roles: ['organiser'] },
	{ href: '/login', label: 'nav.login', public: true, roles: [] },
	{ href: '/signup', label: 'nav.signup', public: true, roles: [] },
	{ href: '/account', label: 'nav.account' },
	{ href: '/logout', label: 'nav.logout', post: true }
];

/** How many destinations a phone shows at all times, beside the menu button. */
export const PRIMARY_MAX = 4;

/**
 * Each role's daily destinations, its main page first (DESIGN.md's "what they do here"). A phone
 * keeps these on screen; everything else is one tap away in the menu.
 */
const PRIMARY: Record<Role | 'visitor', string[]> = {
	student: ['/today', '/boards', '/pledges', '/me'],
	teacher: ['/classes', '/boards', '/challenges', '/children'],
	steward: ['/steward', '/playgrounds', '/boards', '/challenges'],
	organiser: ['/organiser/schools', '/organiser/impact', '/challenges', '/organiser/playgrounds'],
	household: ['/today', '/households', '/boards', '/me'],
	visitor: ['/', '/join', '/playgrounds', '/login']
};

/** Whose daily path leads when one person holds several roles (a teacher who is also a parent). */
const ROLE_PRIORITY: Role[] = ['student', 'teacher', 'steward', 'organiser', 'household'];

/** Every destination this person may see: `null` is a visitor who is not signed in. */
export function navFor(roles: readonly Role[] | null): NavItem[] {
	if (!roles) return NAV_ITEMS.filter((i) => i.public);
	return NAV_ITEMS.filter((i) => !i.roles || i.roles.some((r) => roles.includes(r)));
}

/** The main page of each role held comes first, then the leading role's other daily places. */
function primaryHrefs(roles: readonly Role[] | null): string[] {
	if (!roles) return PRIMARY.visitor;
	const held = ROLE_PRIORITY.filter((r) => roles.includes(r));
	const hrefs = [...held.map((r) => PRIMARY[r][0]), ...held.flatMap((r) => PRIMARY[r])];
	return [...new Set(hrefs)];
}

export interface NavSplit {
	/** Always on screen, in this order. */
	primary: NavItem[];
	/** On a wide screen beside the primary ones; on a phone behind the menu button. */
	more: NavItem[];
}

/** This person's navigation, split into what a phone always shows and what sits in the menu. */
export function navSplit(roles: readonly Role[] | null): NavSplit {
	const items = navFor(roles);
	const byHref = new Map(items.map((i) => [i.href, i]));
	const primary = primaryHrefs(roles)
		.map((href) => byHref.get(href))
		.filter((i): i is NavItem => !!i && !i.post)
		.slice(0, PRIMARY_MAX);
	return { primary, more: items.filter((i) => !primary.includes(i)) };
}

/** Whether `href` is the page at `pathname` or one of its sub-pages (`/me` is not `/models`). */
export function isCurrentPath(pathname: string, href: string): boolean {
	if (href === '/') return pathname === '/';
	return pathname === href || pathname.startsWith(`${href}/`);
}
