import { describe, expect, it } from 'vitest';
import { MESSAGE_MODULES, messages, translate } from './index';
import viTable from './vi';
import enTable from './en';

describe('messages', () => {
	for (const [name, mod] of Object.entries(MESSAGE_MODULES)) {
		it(`${name}: every key exists in both languages, non-empty, with the same placeholders`, () => {
			const vi = mod.vi as Record<string, string>;
			const en = mod.en as Record<string, string>;
			expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
			for (const key of Object.keys(vi)) {
				expect(vi[key].trim(), `vi ${key}`).not.toBe('');
				expect(en[key].trim(), `en ${key}`).not.toBe('');
				const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
				expect(holes(en[key]), `placeholders of ${key}`).toEqual(holes(vi[key]));
			}
		});
	}

	it('no key is declared by two domains', () => {
		const seen = new Map<string, string>();
		for (const [name, mod] of Object.entries(MESSAGE_MODULES)) {
			for (const key of Object.keys(mod.vi)) {
				expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
				seen.set(key, name);
			}
		}
	});

	it('the per-language browser tables hold exactly the catalogue', () => {
		expect(viTable).toEqual(messages.vi);
		expect(enTable).toEqual(messages.en);
	});

	it('translates with parameters and falls back to the key', () => {
		expect(translate('en', 'common.points', { n: 5 })).toBe('5 points');
		expect(translate('vi', 'common.points', { n: 5 })).toBe('5 điểm');
		expect(translate('en', 'no.such.key')).toBe('no.such.key');
	});
});
