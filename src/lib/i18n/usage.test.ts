import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { messages } from './index';

const SRC = resolve(import.meta.dirname, '../..');
const MESSAGES = resolve(import.meta.dirname, 'messages');

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return path === MESSAGES ? [] : sources(path);
		return /\.(ts|svelte)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
	});
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the code names a key: a quoted key, or a template such as `badge.${code}.hint`, which
 * stands for every key of that shape (the typed builders: `npm run check` proves they exist).
 */
function keyUses(code: string) {
	const literals = new Set(code.match(/(?<=['"`])[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)+(?=['"`])/g) ?? []);
	const patterns = [...code.matchAll(/`([a-z][A-Za-z0-9]*\.[^`]*?\$\{[^`]*?)`/g)].map(
		(m) =>
			new RegExp(
				`^${m[1]
					.split(/\$\{[^}]*\}/)
					.map(escape)
					.join('[A-Za-z0-9_-]+')}$`
			)
	);
	return { literals, patterns };
}

describe('message keys', () => {
	it('are all used somewhere in the code (a key nothing shows is removed)', () => {
		const uses = sources(SRC).map((file) => keyUses(readFileSync(file, 'utf8')));
		const used = (key: string) =>
			uses.some((u) => u.literals.has(key) || u.patterns.some((p) => p.test(key)));
		const unused = Object.keys(messages.vi).filter((key) => !used(key));
		expect(unused, unused.join('\n')).toEqual([]);
	});
});
