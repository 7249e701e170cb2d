import { describe, expect, it } from 'vitest';
import { qrPath } from './qr';

describe('qrPath', () => {
	it('draws a square code with its finder patterns inside the quiet zone', () => {
		const qr = qrPath('https://songxanh.example/join?code=XANH6A');
		expect(qr.size).toBeGreaterThanOrEqual(21 + 8);
		expect(qr.path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
		// top-left finder pattern: the module at (4,4) is dark, the quiet zone (0..3) never is
		expect(qr.path.startsWith('M4 4h1v1h-1z')).toBe(true);
		expect(qr.path).not.toMatch(/M[0-3] /);
	});
});
