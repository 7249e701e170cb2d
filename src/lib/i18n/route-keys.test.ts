import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { messages } from './index';
import { readdirSync, readFileSync } from 'node:fs';
import { closure, keyUses, names, refusalsFrom, routeKeyUses, routePages } from './route-keys';

const SRC = resolve(import.meta.dirname, '../..');
const ALL = Object.keys(messages.vi);
const routes = routeKeyUses(SRC);
const keysOf = (id: string) => ALL.filter((key) => names(routes[id], key));

function pageFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? pageFiles(join(dir, e.name)) : e.name === '+page.svelte' ? [dir] : []
	);
}

describe('keyUses', () => {
	it('finds quoted keys and reads templates as patterns for every key of their shape', () => {
		const uses = keyUses("t('pledge.title'); t(`badge.${code}.hint`); const x = \"a.b\"; t('nope');");
		expect(uses.literals).toEqual(['pledge.title', 'a.b']);
		expect(names(uses, 'badge.firstWeek.hint')).toBe(true);
		expect(names(uses, 'badge.firstWeek.name')).toBe(false);
		expect(names(uses, 'badge.a.b.hint')).toBe(false);
	});
});

describe('route keys', () => {
	it('lists every page under its SvelteKit route id, plus "" for a path no route matches', () => {
		const ids = routePages(SRC).map((p) => p.id);
		const expected = pageFiles(join(SRC, 'routes')).map((dir) => {
			const id = dir.slice(join(SRC, 'routes').length).split('\\').join('/');
			return id === '' ? '/' : id;
		});
		expect(ids.filter((id) => id !== '').sort()).toEqual(expected.sort());
		expect(ids).toContain('');
		expect(ids).toContain('/(app)/classes/[classId=id]/report');
	});

	it('gives every page the root layout, its error page and the server hooks', () => {
		const root = keysOf('');
		expect(root).toEqual(
			expect.arrayContaining(['app.name', 'nav.skip', 'error.404', 'error.500', 'error.title'])
		);
		for (const id of Object.keys(routes)) {
			const keys = new Set(keysOf(id));
			expect(
				root.filter((k) => !keys.has(k)),
				id
			).toEqual([]);
		}
	});

	it("follows a page's components and server code into $lib, and nothing it does not import", () => {
		const login = keysOf('/(auth)/login');
		expect(login).toEqual(expect.arrayContaining(['auth.login.title', 'auth.login.password']));
		expect(login.filter((k) => k.startsWith('pledge.checkin.'))).toEqual([]);
		const checkin = keysOf('/(app)/pledges/[pledgeId=id]');
		expect(checkin.some((k) => k.startsWith('pledge.checkin.'))).toBe(true);
		expect(checkin.filter((k) => k.startsWith('roster.'))).toEqual([]);
	});

	it('keeps each page well under the whole table (a page that imports the catalogue gets it all)', () => {
		const heaviest = Object.keys(routes)
			.map((id) => ({ id, share: keysOf(id).length / ALL.length }))
			.sort((a, b) => b.share - a.share)[0];
		expect(heaviest.share, heaviest.id).toBeLessThan(0.3);
	});

	it('gives a page that shows the offline queue the refusals of every page whose forms can queue', () => {
		const queue = join(SRC, 'lib/components/offline/PendingQueue.svelte');
		const named = refusalsFrom(readFileSync(queue, 'utf8'));
		const queueing = routePages(SRC)
			.filter((p) => closure(SRC, p.files).includes(join(SRC, 'lib/offline/enhance.ts')))
			.map((p) => p.id);
		expect(queueing.length).toBeGreaterThan(1);
		expect(named.sort()).toEqual(queueing.sort());
		// A check-in queued on a pledge page can be refused while /today shows the queue.
		expect(keysOf('/(app)/today')).toEqual(expect.arrayContaining(['pledge.error.tooManyToday']));
		expect(keysOf('/(app)/pledges')).toEqual(expect.arrayContaining(['actions.cap']));
	});
});
