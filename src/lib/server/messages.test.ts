import { describe, expect, it } from 'vitest';
import { messages } from '$lib/i18n';
import { pageMessages, routeMessageKeys } from './messages';

describe('pageMessages', () => {
	it('sends a page its own keys in its language, not the whole table', () => {
		const vi = pageMessages('vi', '/(auth)/login');
		const en = pageMessages('en', '/(auth)/login');
		expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
		expect(vi['auth.login.title']).toBe(messages.vi['auth.login.title']);
		expect(en['auth.login.title']).toBe(messages.en['auth.login.title']);
		expect(Object.keys(vi).length).toBeLessThan(Object.keys(messages.vi).length / 5);
		expect(vi).not.toHaveProperty('pledge.checkin.done');
	});

	it('gives a path no route matches the root layout and error page', () => {
		const keys = routeMessageKeys(null);
		expect(keys).toEqual(expect.arrayContaining(['error.404', 'error.title', 'app.name']));
		expect(routeMessageKeys('/no/such/route')).toEqual(keys);
	});

	it("adds a confirmation another page left, without changing the route's kept table", () => {
		const before = pageMessages('en', '/(auth)/login');
		expect(before).not.toHaveProperty('pledge.created');
		const withFlash = pageMessages('en', '/(auth)/login', ['pledge.created']);
		expect(withFlash['pledge.created']).toBe(messages.en['pledge.created']);
		expect(pageMessages('en', '/(auth)/login')).toBe(before);
		expect(before).not.toHaveProperty('pledge.created');
	});
});
