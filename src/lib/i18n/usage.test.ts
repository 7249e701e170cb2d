import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { messages } from './index';
import { keyUses, names } from './route-keys';

const SRC = resolve(import.meta.dirname, '../..');
const MESSAGES = resolve(import.meta.dirname, 'messages');

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return path === MESSAGES ? [] : sources(path);
		return /\.(ts|svelte)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
	});
}

describe('message keys', () => {
	it('are all used somewhere in the code (a key nothing shows is removed)', () => {
		const uses = sources(SRC).map((file) => keyUses(readFileSync(file, 'utf8')));
		const used = (key: string) => uses.some((u) => names(u, key));
		const unused = Object.keys(messages.vi).filter((key) => !used(key));
		expect(unused, unused.join('\n')).toEqual([]);
	});
});
