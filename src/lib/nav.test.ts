import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '$lib/domain/roles';
import { navFor, navSplit, isCurrentPath, PRIMARY_MAX } from './nav';

const hrefs = (items: { href: string }[]) => items.map((i) => i.href);

// Each role's main page (DESIGN.md: what they do here) must be on a phone's screen at all times.
const MAIN_PAGE: Record<Role, string> = {
	student: '/today',
	teacher: '/classes',
	household: '/today',
	steward: '/steward',
	organiser: '/organiser/schools'
};

describe('navSplit', () => {
	it('gives each single role its daily places on screen and the rest in the menu', () => {
		expect(hrefs(navSplit(['student']).primary)).toEqual(['/today', '/boards', '/pledges', '/me']);
		expect(hrefs(navSplit(['household']).primary)).toEqual(['/today', '/households', '/boards', '/me']);
		expect(hrefs(navSplit(['teacher']).primary)).toEqual(['/classes', '/boards', '/challenges', '/children']);
		expect(hrefs(navSplit(['steward']).primary)).toEqual([
			'/steward',
			'/playgrounds',
			'/boards',
			'/challenges'
		]);
		expect(hrefs(navSplit(['organiser']).primary)).toEqual([
			'/organiser/schools',
			'/organiser/impact',
			'/challenges',
			'/organiser/playgrounds'
		]);
	});

	it('shows a visitor where to start and how to sign in, with sign-up in the menu', () => {
		const { primary, more } = navSplit(null);
		expect(hrefs(primary)).toEqual(['/', '/join', '/playgrounds', '/login']);
		expect(hrefs(more)).toEqual(['/models', '/signup']);
	});

	it('puts the main page of every role a person holds on screen (a teacher who is also a parent)', () => {
		expect(hrefs(navSplit(['teacher', 'household']).primary)).toEqual([
			'/classes',
			'/today',
			'/boards',
			'/challenges'
		]);
		expect(hrefs(navSplit(['household', 'steward']).primary)).toEqual([
			'/steward',
			'/today',
			'/playgrounds',
			'/boards'
		]);
	});

	const combos: Role[][] = [
		...ROLES.map((r) => [r]),
		['teacher', 'household'],
		['steward', 'household'],
		['organiser', 'teacher'],
		['student', 'household']
	];
	for (const roles of combos) {
		it(`keeps every destination exactly once for ${roles.join('+')}, sign-out in the menu`, () => {
			const { primary, more } = navSplit(roles);
			expect(primary.length).toBeLessThanOrEqual(PRIMARY_MAX);
			expect(primary.length).toBeGreaterThan(0);
			expect([...hrefs(primary), ...hrefs(more)].sort()).toEqual(hrefs(navFor(roles)).sort());
			expect(new Set([...hrefs(primary), ...hrefs(more)]).size).toBe(navFor(roles).length);
			expect(hrefs(more)).toContain('/logout');
			expect(hrefs(more)).toContain('/account');
			expect(hrefs([...primary, ...more])).not.toContain('/login');
			for (const role of roles.slice(0, 2)) expect(hrefs(primary)).toContain(MAIN_PAGE[role]);
		});
	}
});

describe('navFor', () => {
	it('never shows a signed-in person the sign-in, sign-up or join-a-class pages', () => {
		for (const role of ROLES) {
			const shown = hrefs(navFor([role]));
			for (const href of ['/login', '/signup', '/join']) expect(shown).not.toContain(href);
		}
	});

	it('keeps other roles’ work out of a student’s navigation', () => {
		const shown = hrefs(navFor(['student']));
		for (const href of ['/classes', '/steward', '/organiser/schools', '/organiser/impact', '/children'])
			expect(shown).not.toContain(href);
	});

	it('signs out with a POST form, never a link', () => {
		const logout = navFor(['student']).find((i) => i.href === '/logout');
		expect(logout?.post).toBe(true);
		expect(navFor(null).some((i) => i.post)).toBe(false);
	});
});

describe('isCurrentPath', () => {
	it('marks a page and its sub-pages, not a page that merely starts with the same letters', () => {
		expect(isCurrentPath('/me', '/me')).toBe(true);
		expect(isCurrentPath('/models', '/me')).toBe(false);
		expect(isCurrentPath('/classes/3/review', '/classes')).toBe(true);
		expect(isCurrentPath('/boards', '/')).toBe(false);
		expect(isCurrentPath('/', '/')).toBe(true);
	});
});
