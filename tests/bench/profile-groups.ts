/**
 * Where a CPU profile's time goes, for profile.ts: each sample in a time window is given to the
 * group of the nearest frame on its stack that belongs to one (walking from the running function
 * up), so time in a helper counts for what called it (an `escape` inside the page render is SSR).
 * `npx tsx tests/bench/profile-groups.ts <file.cpuprofile>` summarises a whole profile.
 */
import { readFileSync } from 'node:fs';

export interface Profile {
	nodes: {
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number };
		children?: number[];
	}[];
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

type Frame = Profile['nodes'][number]['callFrame'];

/** The groups, tried in order on each frame; the first that matches names the frame's group. */
const GROUPS: [string, (f: Frame) => boolean][] = [
	['garbage collection', (f) => f.functionName === '(garbage collector)'],
	['idle', (f) => f.functionName === '(idle)'],
	['SQL (libsql: prepare, step, rows)', (f) => /node_modules\/(libsql|@libsql)\//.test(f.url)],
	[
		'our DB client (local-client, gate, rows)',
		(f) => /local-(client|connection)|write-gate|rowMaker/.test(f.url + f.functionName)
	],
	['drizzle (query building, row mapping)', (f) => /drizzle-orm/.test(f.url)],
	['zod (validation)', (f) => /node_modules\/zod\//.test(f.url)],
	[
		'devalue (serialising data)',
		(f) => /devalue/.test(f.url) || /^(uneval|stringify|flatten|stringify_primitive)$/.test(f.functionName)
	],
	[
		'SSR render (svelte components, HTML strings)',
		(f) =>
			/svelte\/src\/internal\/server|\/svelte\//.test(f.url) ||
			/^(escape_html|attr|attributes|spread_attributes|stringify|element|push_element|pop_element|head|slot|Payload|render|_page|_layout|Root)$/.test(
				f.functionName
			) ||
			/\.svelte/.test(f.url)
	],
	[
		'SvelteKit (routing, respond, render_response)',
		(f) =>
			/@sveltejs\/kit|\/kit\/src\/runtime/.test(f.url) ||
			/render_response|respond|render_page|load_server_data|load_data/.test(f.functionName)
	],
	['node http, streams, crypto', (f) => f.url.startsWith('node:') || f.url === ''],
	['our code (app chunks)', (f) => /\/build\/server\//.test(f.url)],
	['other modules', (f) => /node_modules/.test(f.url)]
];

function groupOf(f: Frame): string | null {
	for (const [name, test] of GROUPS) if (test(f)) return name;
	return null;
}

/** Prints a window's time by group and its top functions by self time, per answer. */
export function summarise(
	profile: Profile,
	window: { name: string; from?: number; to?: number; answers?: number }
): void {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const group = new Map<string, number>();
	const self = new Map<string, number>();
	let t = profile.startTime;
	let total = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i] ?? 0;
		if ((window.from !== undefined && t < window.from) || (window.to !== undefined && t > window.to))
			continue;
		const dt = profile.timeDeltas[i + 1] ?? 0;
		const leaf = byId.get(profile.samples[i])!;
		let g: string | null = null;
		for (let id: number | undefined = leaf.id; id !== undefined && !g; id = parent.get(id))
			g = groupOf(byId.get(id)!.callFrame);
		const f = leaf.callFrame;
		const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules|build)\//, '$1/')}:${f.lineNumber}`;
		group.set(g ?? 'other', (group.get(g ?? 'other') ?? 0) + dt);
		self.set(key, (self.get(key) ?? 0) + dt);
		if (g !== 'idle') total += dt;
	}
	const per = window.answers ? window.answers : 1;
	const ms = (us: number) => (us / 1000 / per).toFixed(3).padStart(7);
	const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
	console.info(
		`\n== ${window.name}: ${window.answers ?? '?'} answers, busy ${(total / 1e6).toFixed(1)} s, ${ms(total)} ms CPU per answer`
	);
	for (const [k, v] of [...group].sort((a, b) => b[1] - a[1]))
		if (k !== 'idle') console.info(`  ${pct(v)} ${ms(v)} ms  ${k}`);
	console.info('  top self time:');
	for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
		if (!k.startsWith('(idle)')) console.info(`  ${pct(v)} ${ms(v)} ms  ${k}`);
}

if (process.argv[1]?.endsWith('profile-groups.ts') && process.argv[2]) {
	summarise(JSON.parse(readFileSync(process.argv[2], 'utf8')) as Profile, { name: process.argv[2] });
}
