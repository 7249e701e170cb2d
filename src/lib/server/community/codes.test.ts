import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, generateCode, isWellFormedCode, normaliseCode } from './codes';

describe('join codes', () => {
	it('use only unambiguous characters (no 0/O/1/I/L) at the asked length', () => {
		for (const ch of '01OIL') expect(CODE_ALPHABET).not.toContain(ch);
		const codes = Array.from({ length: 500 }, () => generateCode());
		for (const c of codes) {
			expect(c).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
			expect(isWellFormedCode(c)).toBe(true);
		}
		expect(new Set(codes).size).toBeGreaterThan(490);
		expect(generateCode(8)).toHaveLength(8);
	});

	it('forgive case, spaces and dashes, and refuse characters a code never has', () => {
		expect(normaliseCode(' xa-nh 6a ')).toBe('XANH6A');
		expect(isWellFormedCode(normaliseCode('XANH0A'))).toBe(false);
		expect(isWellFormedCode('ABC')).toBe(false);
		expect(isWellFormedCode("A'; DROP")).toBe(false);
	});
});
