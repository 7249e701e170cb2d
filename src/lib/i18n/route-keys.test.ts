import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { messages } from './index';
import { readdirSync, readFileSync } from 'node:fs';
import { closure, keyUses, names, refusalsFrom, routeKeyUses, routePages, routeTables } from './route-keys';
import { readCatalogues } from './route-keys-plugin';

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

	it('gives a page that shows the offline queue the refusals of every page whose forms queue what it shows', () => {
		// Each kind of queued entry, and the call that queues it (src/lib/offline).
		const QUEUERS = { action: 'queueAction(', checkin: 'queueCheckin(', dropoff: 'queueDropOff(' };
		const pages = routePages(SRC).map((p) => ({ id: p.id, files: closure(SRC, p.files) }));
		const text = (file: string) => readFileSync(file, 'utf8');
		const own = (files: string[]) => files.filter((f) => !f.includes('/lib/offline/'));
		const actionsOf = (id: string) => {
			const uses = closure(SRC, [join(SRC, 'routes', ...id.split('/'), '+page.server.ts')]).map((f) =>
				keyUses(text(f))
			);
			return ALL.filter((key) => uses.some((u) => names(u, key)));
		};
		let checked = 0;
		for (const [kind, call] of Object.entries(QUEUERS)) {
			const queueing = pages.filter((p) => own(p.files).some((f) => text(f).includes(call)));
			const showing = pages.filter((p) =>
				p.files.some((f) => new RegExp(`kinds=\\{\\[[^\\]]*'${kind}'`).test(text(f)))
			);
			expect(queueing.length, kind).toBeGreaterThan(0);
			expect(showing.length, kind).toBeGreaterThan(0);
			for (const shown of showing) {
				const keys = new Set(keysOf(shown.id));
				for (const from of queueing) {
					const missing = actionsOf(from.id).filter((k) => !keys.has(k));
					expect(
						missing,
						`${shown.id} shows queued ${kind} entries made on ${from.id}: add @refusals-from ${from.id}`
					).toEqual([]);
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThanOrEqual(5);
		expect(refusalsFrom('// @refusals-from /(app)/a /(app)/b/[x=id]\n')).toEqual([
			'/(app)/a',
			'/(app)/b/[x=id]'
		]);
	});
});

describe('route tables', () => {
	it('read the same catalogue the server uses, before any bundle exists', async () => {
		const catalogues = await readCatalogues(SRC);
		expect(catalogues.vi).toEqual(messages.vi);
		expect(catalogues.en).toEqual(messages.en);
	});

	it('give each page its own keys in each language, and pages that show the same keys one table', () => {
		const { routes: index, tables } = routeTables(routes, messages);
		const login = tables[index['/(auth)/login']];
		expect(Object.keys(login.en).sort()).toEqual(keysOf('/(auth)/login').sort());
		expect(login.vi['auth.login.title']).toBe(messages.vi['auth.login.title']);
		expect(login.en['auth.login.title']).toBe(messages.en['auth.login.title']);
		expect(Object.keys(index).sort()).toEqual(Object.keys(routes).sort());
		expect(tables.length).toBeLessThanOrEqual(Object.keys(routes).length);
		const same = Object.keys(index).filter((id) => index[id] === index['/(auth)/login']);
		for (const id of same) expect(keysOf(id)).toEqual(keysOf('/(auth)/login'));
	});
});
