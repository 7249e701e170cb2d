import { Client } from './client';
import { startServer, stopServer } from './server';

/** What a form on a page sends: where, and each field's first value as the page fills it. */
interface FoundForm {
	role: string;
	page: string;
	action: string;
	fields: Record<string, string>;
}

const ROLES = ['demo-student', 'demo-family', 'demo-teacher', 'demo-steward', 'demo-organiser'];
/** Forms left alone: they end the session or delete what the rest of the sweep stands on. */
const SKIP = /\/logout|\?\/(erase|remove|archive|password)\b/;
const HOSTILE: [string, (v: string) => string | string[]][] = [
	['sent twice', (v) => [v, v]],
	['empty', () => ''],
	['100 000 characters', () => 'x'.repeat(100_000)],
	['negative', () => '-1'],
	['huge number', () => '1e309'],
	['past safe integers', () => '9007199254740993'],
	['not a number', () => 'abc'],
	['markup', () => '<script>alert(1)</script>'],
	['control characters', () => '\u0000\u202e\u0007'],
	['a path', () => '../../etc/passwd'],
	['an array', () => ['1', '2', '3']]
];

const attr = (tag: string, name: string) => tag.match(new RegExp(`(?:^|\\s)${name}="([^"]*)"`))?.[1];
const decode = (s: string) =>
	s
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>');

function formsIn(html: string, role: string, page: string): FoundForm[] {
	const out: FoundForm[] = [];
	for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		if ((attr(m[1], 'method') ?? 'get').toLowerCase() !== 'post') continue;
		const action = new URL(decode(attr(m[1], 'action') ?? ''), `http://x${page}`);
		const fields: Record<string, string> = {};
		for (const f of m[2].matchAll(/<(?:input|textarea)\b([^>]*)>/g)) {
			const name = attr(f[1], 'name');
			if (name && !(name in fields)) fields[name] = decode(attr(f[1], 'value') ?? '');
		}
		for (const f of m[2].matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
			const name = attr(f[1], 'name');
			if (name && !(name in fields))
				fields[name] = decode(f[2].match(/<option\b[^>]*value="([^"]*)"/)?.[1] ?? '');
		}
		out.push({ role, page, action: action.pathname + action.search, fields });
	}
	return out;
}

/**
 * Signs in as each demo role, walks the pages its navigation reaches (two links deep), and posts
 * every form found with each field made hostile in turn (sent twice, empty, huge, negative, not a
 * number, markup, control characters, an array…). Any 5xx, or a connection the server drops, is a
 * failure. Forms that sign out or delete are left alone.
 */
export async function hostileSweep(entry: string, port: number, dbPath: string) {
	const origin = `http://localhost:${port}`;
	const server = await startServer(entry, port, dbPath);
	const failures: string[] = [];
	let posts = 0;
	const forms = new Map<string, FoundForm>();
	try {
		for (const role of [null, ...ROLES]) {
			const client = new Client(origin);
			if (role) await client.signIn(role);
			const seen = new Set<string>();
			let frontier = ['/'];
			for (let depth = 0; depth < 3 && frontier.length; depth++) {
				const next: string[] = [];
				for (const path of frontier.slice(0, 60)) {
					if (seen.has(path)) continue;
					seen.add(path);
					const res = await client.getText(path);
					if (res.status >= 500) failures.push(`GET ${path} as ${role ?? 'visitor'}: ${res.status}`);
					if (!res.html) continue;
					for (const f of formsIn(res.html, role ?? 'visitor', path)) {
						const key = `${f.role} ${f.action.replace(/\d+/g, 'N')}`;
						if (!forms.has(key) && !SKIP.test(f.action)) forms.set(key, f);
					}
					for (const m of res.html.matchAll(/<a\b[^>]*href="(\/[^"#]*)"/g)) {
						const href = decode(m[1]);
						if (!/\.(csv|json|svg|png)(\?|$)/.test(href) && !href.startsWith('//')) next.push(href);
					}
				}
				frontier = [...new Set(next)].filter((p) => !seen.has(p));
			}
			for (const f of [...forms.values()].filter((x) => x.role === (role ?? 'visitor'))) {
				for (const name of Object.keys(f.fields)) {
					for (const [label, make] of HOSTILE) {
						const body = new URLSearchParams();
						for (const [k, v] of Object.entries(f.fields))
							for (const one of [k === name ? make(v) : v].flat()) body.append(k, one);
						posts++;
						const r = await client
							.postRaw(f.action, body.toString())
							.catch((e: Error) => ({ status: 0, body: e.message }));
						if (r.status >= 500 || r.status === 0)
							failures.push(
								`POST ${f.action} as ${f.role}, ${name} ${label}: ${r.status} ${r.body.replace(/\s+/g, ' ').slice(0, 160)}`
							);
					}
				}
			}
		}
	} finally {
		await stopServer(server);
	}
	return {
		line: `hostile: ${forms.size} forms found as 6 roles, ${posts} hostile posts, ${failures.length} answered 5xx or dropped`,
		failures
	};
}
