import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { routeMessages } from './src/lib/i18n/route-keys-plugin.ts';

export default defineConfig({
	plugins: [sveltekit(), routeMessages(fileURLToPath(new URL('./src', import.meta.url)))],
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks'
	}
});
