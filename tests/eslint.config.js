// ESLint for the whole project (src and tests), as the SvelteKit CLI's eslint add-on sets it up:
// @eslint/js + typescript-eslint + eslint-plugin-svelte, with Prettier owning the formatting.
// It lives in tests/ so the top level stays as the project set it: `npm run lint` passes --config.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from '../svelte.config.js';

const tsconfigRootDir = fileURLToPath(new URL('..', import.meta.url));

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'tests/.tmp/', 'drizzle/meta/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint's advice: TypeScript itself reports undefined names, better.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// The app is served at the root of its origin (no `paths.base`), so internal hrefs need
			// no resolve(); the rule would only add noise to every link.
			'svelte/no-navigation-without-resolve': 'off',
			// Svelte trims white space at the edges of a block, so `{' · '}` is how a spaced
			// separator survives inside `{#if}`: not a useless mustache.
			'svelte/no-useless-mustaches': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				tsconfigRootDir,
				svelteConfig
			}
		}
	},
	{
		// A journey runs against its own copy of the demo (tests/e2e/fixtures.ts): importing `test`
		// from Playwright directly would share nothing and find no server. operations.spec.ts starts
		// its own servers on purpose.
		files: ['tests/e2e/**/*.spec.ts'],
		ignores: ['tests/e2e/operations.spec.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '@playwright/test',
							message: "Import test and expect from './fixtures' (each spec gets a database of its own).",
							allowTypeImports: true
						}
					]
				}
			]
		}
	}
);
