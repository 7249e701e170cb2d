import { describe, expect, it } from 'vitest';
import { isMessageKey, messages, translate } from './index';
import type { Message } from './define';

// Every domain's files, found the same way en.ts finds them: a folder missing from vi.ts shows here.
const viFiles = import.meta.glob<Record<string, Message>>('./messages/*/vi.ts', {
	eager: true,
	import: 'default'
});
const enFiles = import.meta.glob<Record<string, Message>>('./messages/*/en.ts', {
	eager: true,
	import: 'default'
});
const domain = (path: string) => path.split('/')[2];

const forms = (m: Message) => (typeof m === 'string' ? [m] : Object.values(m).filter((f) => f !== undefined));
const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe('messages', () => {
	it('every domain has both languages', () => {
		expect(Object.keys(enFiles).map(domain).sort()).toEqual(Object.keys(viFiles).map(domain).sort());
	});

	for (const [path, vi] of Object.entries(viFiles)) {
		const name = domain(path);
		it(`${name}: every key exists in both languages, non-empty, with the same placeholders`, () => {
			const en = enFiles[`./messages/${name}/en.ts`];
			expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
			for (const key of Object.keys(vi)) {
				const viHoles = [...new Set(forms(vi[key]).flatMap(holes))].sort();
				for (const [lang, m] of [
					['vi', vi[key]],
					['en', en[key]]
				] as const) {
					// A plural form may leave the count out ("a day" rather than "{n} day").
					const needed = typeof m === 'string' ? viHoles : viHoles.filter((h) => h !== '{n}');
					for (const form of forms(m)) {
						expect(form.trim(), `${lang} ${key}`).not.toBe('');
						const got = holes(form);
						for (const h of needed) expect(got, `${lang} ${key} uses ${h}`).toContain(h);
						for (const h of got) expect(viHoles, `${lang} ${key} invents ${h}`).toContain(h);
					}
					if (typeof m !== 'string') {
						expect(m.other, `${lang} ${key} needs an "other" form`).toBeTruthy();
						expect(viHoles, `${key} is plural, so it counts {n}`).toContain('{n}');
					}
				}
			}
		});
	}

	it('no key is declared by two domains, and the tables hold every domain', () => {
		const seen = new Map<string, string>();
		for (const [path, vi] of Object.entries(viFiles)) {
			for (const key of Object.keys(vi)) {
				expect(seen.get(key), `${key} in ${domain(path)}`).toBeUndefined();
				seen.set(key, domain(path));
			}
		}
		expect(Object.keys(messages.vi).sort()).toEqual([...seen.keys()].sort());
		expect(Object.keys(messages.en).sort()).toEqual([...seen.keys()].sort());
	});

	it('translates with parameters, numbers the locale’s way and plural forms by {n}', () => {
		expect(translate('en', 'common.points', { n: 1 })).toBe('1 point');
		expect(translate('en', 'common.points', { n: 1234 })).toBe('1,234 points');
		expect(translate('vi', 'common.points', { n: 1 })).toBe('1 điểm');
		expect(translate('vi', 'common.points', { n: 1234 })).toBe('1.234 điểm');
		expect(translate('en', 'nav.home')).toBe('Home');
		expect(isMessageKey('nav.home')).toBe(true);
		expect(isMessageKey('common.pionts')).toBe(false);
	});
});
