import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translucent } from './palette';

describe('chart palette', () => {
	it('turns a palette colour into a translucent fill', () => {
		expect(translucent('#1f7a4d', 0.15)).toBe('rgba(31, 122, 77, 0.15)');
	});

	it('is the only place chart builders take colours from', () => {
		const here = dirname(fileURLToPath(import.meta.url));
		const builders = readdirSync(here).filter((f) => /\.ts$/.test(f) && !/(\.test|palette)\.ts$/.test(f));
		expect(builders.length).toBeGreaterThanOrEqual(5);
		for (const file of builders) {
			expect(readFileSync(`${here}/${file}`, 'utf8'), file).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(/i);
		}
	});
});
