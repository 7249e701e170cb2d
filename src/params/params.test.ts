import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { match as csv } from './csv';
import { match as id } from './id';

const imports = (file: string) =>
	[...readFileSync(file, 'utf8').matchAll(/^import\s.*?from\s+'([^']+)'/gm)].map((m) => m[1]);

describe('route param matchers', () => {
	it('import only the rules catalogue: they run in the router every page loads', () => {
		// A matcher that imported a zod schema once put zod in every page's first JavaScript (+22 KiB gz).
		const dir = import.meta.dirname;
		for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
			for (const spec of imports(join(dir, file))) {
				expect(spec === '@sveltejs/kit' || spec.startsWith('$lib/rules/'), `${file} imports ${spec}`).toBe(
					true
				);
				if (spec.startsWith('$lib/rules/')) {
					const rules = join(dir, '..', 'lib', 'rules', `${spec.slice('$lib/rules/'.length)}.ts`);
					expect(imports(rules), `${spec} imports`).toEqual([]);
				}
			}
		}
	});

	it('accept what they name and nothing else', () => {
		expect(['ledger.csv', 'contributions.csv', 'participation.csv'].every(csv)).toBe(true);
		expect(['ledger', 'ledger.csv.csv', '../ledger.csv', 'users.csv'].some(csv)).toBe(false);
		expect(['1', '42', '999999999999999'].every(id)).toBe(true);
		expect(['0', '01', '-1', '1e3', '1000000000000000', ''].some(id)).toBe(false);
	});
});
