import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './guards';

const origin = 'https://songxanh.example';

describe('safeRedirectTarget', () => {
	it('keeps same-origin paths, with their query and fragment', () => {
		expect(safeRedirectTarget('/classes/3?tab=students#list', origin)).toBe('/classes/3?tab=students#list');
		expect(safeRedirectTarget('/teacher/join?code=MGVXANH8', origin)).toBe('/teacher/join?code=MGVXANH8');
		expect(safeRedirectTarget('/a/../boards', origin)).toBe('/boards');
	});

	it.each([
		['a tab between the slashes (issue 12: browsers drop it)', '/\t/evil.example/phish'],
		['a newline between the slashes', '/\n/evil.example'],
		['a carriage return', '/\r/evil.example'],
		['a NUL', '/\u0000/evil.example'],
		['DEL and C1 controls', '/\u007f/evil.example'],
		['protocol-relative', '//evil.example/phish'],
		['a backslash', '/\\evil.example'],
		['backslashes only', '\\\\evil.example'],
		['an absolute URL elsewhere', 'https://evil.example/'],
		['a scheme', 'javascript:alert(1)'],
		['a data URL', 'data:text/html,hi'],
		['encoded slashes', '/%2F%2Fevil.example'],
		['an encoded tab', '/%09/evil.example'],
		['a double-encoded tab', '/%2509/evil.example'],
		['an encoded backslash', '/%5Cevil.example'],
		['dot segments that collapse to //', '/.//evil.example'],
		['encoded dot segments', '/%2e//evil.example'],
		['a relative path', 'classes'],
		['empty', ''],
		['not a string', ['/a', '/b']],
		['over 2000 characters', `/${'a'.repeat(2001)}`],
		['a broken escape', '/%E0%A4%A']
	])('refuses %s', (_, target) => {
		expect(safeRedirectTarget(target, origin)).toBe('/');
		expect(safeRedirectTarget(target, origin, '/today')).toBe('/today');
	});

	it('is what /login and /language use (the form value and the query string alike)', () => {
		const query = new URL(`${origin}/login?redirectTo=%2F%09%2Fevil.example%2Fphish`).searchParams.get(
			'redirectTo'
		);
		expect(safeRedirectTarget(query, origin)).toBe('/');
	});
});
