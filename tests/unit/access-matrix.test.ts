/**
 * The authorisation matrix (issue 10): every load, action and endpoint under src/routes, found by
 * reading the route tree now, run for each persona on a real migrated database through the real
 * handlers, against the outcome its row in access-matrix/rows-*.ts expects. Besides the outcome, each
 * response a persona gets is searched for a child's real name they have no right to read, and
 * pages open to visitors for any child's name at all.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb, type Db } from '../../src/lib/server/db/client';
import { createTestDb } from '../helpers/db';
import { makeMatrixWorld, PERSONAS, type MatrixWorld, type Persona } from '../helpers/matrix-world';
import { routeEvent, run, type Ran } from '../helpers/route-event';
import { ROWS } from './access-matrix/rows';
import type { MatrixRow } from './access-matrix/shapes';

// One world is built once in a template database; each row (or persona, for an `isolate` row)
// runs on a fresh copy of that file, so what one handler changes never reaches the next.
const template = await createTestDb();
const world = await makeMatrixWorld(template.db);
await template.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
const copies = mkdtempSync(join(tmpdir(), 'songxanh-matrix-'));
afterAll(() => rmSync(copies, { recursive: true, force: true }));
let copyN = 0;
const current: { db: Db } = { db: template.db };
vi.mock('$lib/server/db', () => ({ getDb: async () => current.db }));

/** A fresh copy of the world for the handlers to run on; close it when done. */
async function freshWorld() {
	const path = join(copies, `row-${++copyN}.db`);
	copyFileSync(template.path, path);
	const handle = await createDb({ url: `file:${path}` });
	current.db = handle.db;
	return handle;
}

const ROUTES = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/routes');
const HTTP_VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback'];

/** Every `+page.server.ts` and `+server.ts` below src/routes, as SvelteKit route ids. */
function routeFiles(dir = ROUTES): { route: string; file: string; kind: 'page' | 'endpoint' }[] {
	const out: { route: string; file: string; kind: 'page' | 'endpoint' }[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...routeFiles(path));
		else if (name === '+page.server.ts' || name === '+server.ts') {
			const route = `/${relative(ROUTES, dir).split('\\').join('/')}`.replace(/\/$/, '') || '/';
			out.push({ route, file: path, kind: name === '+server.ts' ? 'endpoint' : 'page' });
		}
	}
	return out;
}

type Module = Record<string, unknown> & { actions?: Record<string, unknown> };

/** The handlers a route module exports, by the names rows use: 'load', 'actions.x', 'GET'. */
async function discover() {
	const handlers = new Map<string, unknown>();
	for (const { route, file, kind } of routeFiles()) {
		const mod = (await import(/* @vite-ignore */ file)) as Module;
		if (kind === 'endpoint') {
			for (const verb of HTTP_VERBS)
				if (typeof mod[verb] === 'function') handlers.set(`${route} ${verb}`, mod[verb]);
			continue;
		}
		if (typeof mod.load === 'function') handlers.set(`${route} load`, mod.load);
		for (const [name, fn] of Object.entries(mod.actions ?? {})) handlers.set(`${route} actions.${name}`, fn);
	}
	return handlers;
}

const handlers = await discover();
const keyOf = (r: Pick<MatrixRow, 'route' | 'handler'>) => `${r.route} ${r.handler}`;
const label = (r: MatrixRow) => `${keyOf(r)}${r.case ? ` [${r.case}]` : ''}`;

/** What an outcome looked like, for the failure message. */
function describeRan(ran: Ran): string {
	const data = ran.value && !(ran.value instanceof Response) ? JSON.stringify(ran.value).slice(0, 160) : '';
	return `${ran.outcome}${ran.location ? ` → ${ran.location}` : ''}${data ? ` ${data}` : ''}`;
}

async function textOf(ran: Ran): Promise<string> {
	if (ran.value instanceof Response) return ran.value.clone().text();
	return JSON.stringify(ran.value ?? null);
}

/** Whose real names a persona may read (the child themself, their class's teacher, a linked guardian). */
const MAY_READ: Record<'A' | 'B', Persona[]> = {
	A: ['studentOfClass', 'classTeacher', 'guardianOfChild'],
	B: ['studentOfOtherClass', 'teacherOfOtherSchool', 'guardianOfOtherChild']
};

/** Anything this persona was sent that they must not have: a real name, or a child on a public page. */
function leaks(row: MatrixRow, persona: Persona, text: string, w: MatrixWorld): string[] {
	const found: string[] = [];
	for (const [tag, who] of [
		['A', w.studentA],
		['B', w.studentB]
	] as const) {
		if (text.includes(who.displayName) && !MAY_READ[tag].includes(persona))
			found.push(`student ${tag}'s real name`);
		if (persona === 'anonymous' && text.includes(who.nickname))
			found.push(`student ${tag}'s nickname on a public page`);
	}
	// Shared surfaces never pair a child's nickname with a household, for anyone outside it.
	const outsider = !['adultOfHousehold', 'studentOfClass', 'guardianOfChild'].includes(persona);
	if (outsider && text.includes(w.studentA.nickname) && text.includes(w.householdA.displayName))
		found.push(`student A's nickname with household A's name (${label(row)})`);
	return found;
}

async function runAs(row: MatrixRow, persona: Persona, w: MatrixWorld): Promise<Ran> {
	const event = routeEvent({
		user: w.sessions.get(persona) ?? null,
		params: row.params?.(w),
		form: row.form
			? row.form(w)
			: row.handler.startsWith('actions.') || row.handler === 'POST'
				? {}
				: undefined,
		search: row.search?.(w)
	});
	return run(handlers.get(keyOf(row)), event);
}

describe('authorisation matrix', () => {
	it('has a row for every load, action and endpoint in src/routes, and none for a handler that is gone', () => {
		const covered = new Set(ROWS.map(keyOf));
		const missing = [...handlers.keys()].filter((k) => !covered.has(k));
		const stale = [...covered].filter((k) => !handlers.has(k));
		const hint = (k: string) => {
			const [route, handler] = k.split(' ');
			return `  { route: '${route}', handler: '${handler}', params: …, expect: only([...]) },`;
		};
		expect(
			missing,
			`Handlers without a row in tests/unit/access-matrix/rows-*.ts (add one each, saying what every persona gets):\n${missing.map(hint).join('\n')}\n`
		).toEqual([]);
		expect(stale, 'Rows for handlers that no longer exist (remove them):').toEqual([]);
	});

	it(`each row gives every persona (${PERSONAS.length}) an outcome`, () => {
		for (const row of ROWS) expect(Object.keys(row.expect).sort(), label(row)).toEqual([...PERSONAS].sort());
	});

	for (const row of ROWS) {
		it(label(row), async () => {
			let handle = await freshWorld();
			// Personas expected to succeed go last, so a success (which may change the world) cannot
			// turn another persona's refusal into something else.
			const order = [...PERSONAS].sort(
				(a, b) => Number(row.expect[a] === 'ok') - Number(row.expect[b] === 'ok')
			);
			const wrong: string[] = [];
			const w = world;
			for (const [i, persona] of order.entries()) {
				if (row.isolate && i > 0) {
					handle.close();
					handle = await freshWorld();
				}
				const ran = await runAs(row, persona, w);
				if (ran.outcome !== row.expect[persona])
					wrong.push(`${persona}: expected ${row.expect[persona]}, got ${describeRan(ran)}`);
				if (ran.outcome === 'ok')
					for (const leak of leaks(row, persona, await textOf(ran), w))
						wrong.push(`${persona}: leaks ${leak}`);
			}
			handle.close();
			expect(wrong, label(row)).toEqual([]);
		});
	}
});
