import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PALETTE } from './palette';

describe('chart palette', () => {
	it('fills under a line in the line’s own colour', () => {
		const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ');
		expect(PALETTE.greenFill).toContain(rgb(PALETTE.green));
		expect(PALETTE.blueFill).toContain(rgb(PALETTE.blue));
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
